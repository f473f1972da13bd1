//! A compound's journal.

use linli_domain::ids::CompoundId;
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, JournalFilter},
};

use super::{Entry, readable, with_lines};
use crate::{Caller, Result};

/// One page of a journal the caller may read, newest first, each entry with its lines: up
/// to `limit` entries numbered below `before`.
pub async fn list_entries(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
    filter: JournalFilter,
    before: Option<i64>,
    limit: i64,
) -> Result<Vec<Entry>> {
    let compound = readable(tx, caller, compound_id).await?;
    let rows = public_revenue::journal(tx, compound.id, &filter, before, limit).await?;
    with_lines(tx, rows).await
}
