//! One journal entry.

use linli_domain::ids::LedgerEntryId;
use linli_persistence::AsyncPgConnection;

use super::{Entry, compound_of_readable_entry, entry_with_lines};
use crate::{Caller, Result};

/// An entry of a ledger the caller may read, with its lines; `NotFound` otherwise.
pub async fn get_entry(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: LedgerEntryId,
) -> Result<Entry> {
    let compound = compound_of_readable_entry(tx, caller, id, "ledger entry").await?;
    entry_with_lines(tx, compound.id.into(), id).await
}
