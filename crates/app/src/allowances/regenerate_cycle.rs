//! Generating a draft cycle again.

use linli_domain::ids::PaymentCycleId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{patterns, prepared_cycle};
use crate::{Caller, Result};

/// Generates a draft cycle again from today's posts, assessments, payments and bank
/// details, keeping holds on lines still included. Returns the cycle as stored.
pub async fn regenerate_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
) -> Result<Cycle> {
    let (cycle, programme) = prepared_cycle(tx, caller, cycle_id).await?;
    allowances::regenerate(tx, &caller.audit, &programme, cycle.id).await?;
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::cycle(tx, &patterns, cycle.id).await
}
