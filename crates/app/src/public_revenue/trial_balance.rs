//! The trial balance (试算平衡表) of a compound.

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, Account},
};

use super::readable;
use crate::{Caller, Result};

/// Every account of a ledger the caller may read with its debits, credits and balance up
/// to `as_of` (all entries when absent). Returns the compound's id and its accounts.
pub async fn trial_balance(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
    as_of: Option<NaiveDate>,
) -> Result<(CompoundId, Vec<Account>)> {
    let compound = readable(tx, caller, compound_id).await?;
    let accounts = public_revenue::accounts(tx, compound.id, as_of).await?;
    Ok((compound.id.into(), accounts))
}
