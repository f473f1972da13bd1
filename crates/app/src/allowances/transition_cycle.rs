//! Moving a payment cycle along its life cycle.

use linli_domain::ids::PaymentCycleId;
use linli_domain::{allowance::CycleAction, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{patterns, readable_cycle, require_over};
use crate::{Caller, Result};

/// One move of a cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionCycle {
    pub cycle_id: PaymentCycleId,
    pub action: CycleAction,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Submits or closes a cycle (those who prepare payments over the programme's area), or
/// returns or approves it (those who approve them; never the preparer, and within the
/// programme-year's budget). Returns the cycle as stored.
pub async fn transition_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: TransitionCycle,
) -> Result<Cycle> {
    // Authorise: sight of the cycle, then the move's role over the programme's area.
    let (cycle, programme) = readable_cycle(tx, caller, cmd.cycle_id).await?;
    let needed = match cmd.action {
        CycleAction::Approve | CycleAction::Return => Action::ApprovePayments,
        CycleAction::Submit | CycleAction::Close => Action::PreparePayments,
    };
    require_over(caller, needed, &programme)?;
    // Decide (four eyes, budget), store, audit and event.
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::transition(
        tx,
        &caller.audit,
        &patterns,
        cycle.id,
        cmd.expected_version,
        cmd.action,
        &programme,
    )
    .await?;
    allowances::cycle(tx, &patterns, cycle.id).await
}
