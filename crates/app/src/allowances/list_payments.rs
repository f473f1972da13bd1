//! Reading payment cycles and their lines.

use linli_domain::{allowance::CycleStatus, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle, Line},
};
use uuid::Uuid;

use super::{patterns, readable_cycle};
use crate::{Caller, Result};

/// Filters of the cycle list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindCycles {
    pub programme_id: Option<Uuid>,
    pub status: Option<CycleStatus>,
}

/// The cycles the caller may see, newest month first.
pub async fn list_cycles(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCycles,
) -> Result<Vec<Cycle>> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::cycles(
        tx,
        &patterns,
        find.programme_id,
        find.status.map(|s| s.as_str()),
    )
    .await
}

/// One cycle the caller may see.
pub async fn find_cycle(tx: &mut AsyncPgConnection, caller: &Caller, id: Uuid) -> Result<Cycle> {
    Ok(readable_cycle(tx, caller, id).await?.0)
}

/// The lines of a cycle the caller may see, in order, optionally one decision or reason.
pub async fn list_payments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: Uuid,
    decision: Option<&str>,
    reason: Option<&str>,
) -> Result<Vec<Line>> {
    let (cycle, _) = readable_cycle(tx, caller, cycle_id).await?;
    allowances::lines(tx, cycle.id, decision, reason).await
}
