//! The lines of a payment cycle.

use linli_domain::ids::PaymentCycleId;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Line},
};

use super::readable_cycle;
use crate::{Caller, Result};

/// The lines of a cycle the caller may see, in order, optionally one decision or reason.
pub async fn list_payments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
    decision: Option<&str>,
    reason: Option<&str>,
) -> Result<Vec<Line>> {
    let (cycle, _) = readable_cycle(tx, caller, cycle_id).await?;
    allowances::lines(tx, cycle.id, decision, reason).await
}
