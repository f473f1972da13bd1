//! Releasing a held line of a draft cycle.

use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};
use uuid::Uuid;

use super::{prepared_cycle, readable_cycle};
use crate::{Caller, Result};

/// Releases a held line of a draft cycle the caller prepares: it is included again.
/// Returns the cycle with its new totals.
pub async fn release_payment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: Uuid,
    payment_id: Uuid,
) -> Result<Cycle> {
    let (cycle, _) = prepared_cycle(tx, caller, cycle_id).await?;
    allowances::set_hold(tx, &caller.audit, &cycle, payment_id, None).await?;
    Ok(readable_cycle(tx, caller, cycle.id).await?.0)
}
