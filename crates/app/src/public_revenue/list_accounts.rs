//! A compound's chart of accounts.

use linli_domain::ids::CompoundId;
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, Account},
};

use super::readable;
use crate::{Caller, Result};

/// The chart of a ledger the caller may read, with balances; the standard chart is opened
/// on first use. Returns the compound's id and its accounts.
pub async fn list_accounts(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
) -> Result<(CompoundId, Vec<Account>)> {
    let compound = readable(tx, caller, compound_id).await?;
    let mut accounts = public_revenue::accounts(tx, compound.id, None).await?;
    if accounts.is_empty() {
        public_revenue::ensure_chart(tx, compound.id).await?;
        accounts = public_revenue::accounts(tx, compound.id, None).await?;
    }
    Ok((compound.id.into(), accounts))
}
