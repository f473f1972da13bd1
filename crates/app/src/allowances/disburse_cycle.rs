//! Disbursing an approved cycle.

use linli_domain::ids::PaymentCycleId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{patterns, prepared_cycle};
use crate::{Caller, Result};

/// Disburses an approved cycle the caller prepares: one bank transfer per included line
/// with the bank details as they are now. Runs once (the cycle's row lock queues concurrent
/// requests). Returns the cycle as stored.
pub async fn disburse_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
) -> Result<Cycle> {
    // Authorise.
    let (cycle, _) = prepared_cycle(tx, caller, cycle_id).await?;
    // Decide, store, audit and event.
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::disburse(tx, &caller.audit, &patterns, cycle.id).await?;
    allowances::cycle(tx, &patterns, cycle.id).await
}
