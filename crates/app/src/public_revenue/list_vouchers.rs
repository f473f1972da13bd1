//! The vouchers of an entry.

use linli_domain::ids::LedgerEntryId;
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, Voucher},
};

use super::compound_of_readable_entry;
use crate::{Caller, Result};

/// The vouchers attached to an entry of a ledger the caller may read; `NotFound`
/// otherwise.
pub async fn list_vouchers(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    entry_id: LedgerEntryId,
) -> Result<Vec<Voucher>> {
    compound_of_readable_entry(tx, caller, entry_id, "ledger entry").await?;
    public_revenue::vouchers(tx, entry_id.into()).await
}
