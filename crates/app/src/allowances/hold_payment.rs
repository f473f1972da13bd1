//! Holding a line of a draft cycle.

use linli_domain::ids::{PaymentCycleId, PaymentId};
use linli_domain::{allowance::check_hold_reason, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{prepared_cycle, readable_cycle};
use crate::{Caller, Result};

/// A line to hold, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoldPayment {
    pub cycle_id: PaymentCycleId,
    pub payment_id: PaymentId,
    pub reason: String,
}

/// Holds an included line of a draft cycle the caller prepares: it is not paid in this
/// cycle. Returns the cycle with its new totals.
pub async fn hold_payment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: HoldPayment,
) -> Result<Cycle> {
    // Authorise.
    caller.scope(Action::ReadAllowances)?;
    caller.scope(Action::PreparePayments)?;
    // Validate.
    check_hold_reason(&cmd.reason)?;
    // Load, with the caller's scope over the programme's area.
    let (cycle, _) = prepared_cycle(tx, caller, cmd.cycle_id).await?;
    // Store and audit.
    let reason = cmd.reason.trim();
    allowances::set_hold(
        tx,
        &caller.audit,
        &cycle,
        cmd.payment_id.into(),
        Some(reason),
    )
    .await?;
    Ok(readable_cycle(tx, caller, cycle.id.into()).await?.0)
}
