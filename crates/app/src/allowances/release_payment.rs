//! Releasing a held line of a draft cycle.

use linli_domain::ids::{PaymentCycleId, PaymentId};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{prepared_cycle, readable_cycle};
use crate::{Caller, Result};

/// Releases a held line of a draft cycle the caller prepares: it is included again.
/// Returns the cycle with its new totals.
pub async fn release_payment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
    payment_id: PaymentId,
) -> Result<Cycle> {
    let (cycle, _) = prepared_cycle(tx, caller, cycle_id).await?;
    allowances::set_hold(tx, &caller.audit, &cycle, payment_id.into(), None).await?;
    Ok(readable_cycle(tx, caller, cycle.id.into()).await?.0)
}
