//! Opening a payment cycle.

use chrono::NaiveDate;
use linli_domain::ids::ProgrammeId;
use linli_domain::{DomainError, allowance::cycle_month, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::{patterns, require_over};
use crate::{Caller, Result};

/// A programme and the month to pay for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateCycle {
    pub programme_id: ProgrammeId,
    /// `YYYY-MM`.
    pub month: String,
}

/// Opens a cycle for an active programme the caller prepares payments for over its whole
/// area, for a month that has started by `today`, and generates its lines. Returns the
/// stored cycle.
pub async fn create_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: CreateCycle,
) -> Result<Cycle> {
    // Authorise.
    let patterns = patterns(caller, Action::PreparePayments)?;
    // Validate.
    let month = cycle_month(&cmd.month, today)?;
    // Load, and check the caller's scope over the programme's area.
    let programme = allowances::programme(tx, &patterns, cmd.programme_id.into()).await?;
    require_over(caller, Action::PreparePayments, &programme)?;
    if !programme.active {
        return Err(DomainError::field(
            "programme_id",
            "该津贴项目已停用 / the programme is inactive",
        )
        .into());
    }
    // Store (with the lines), audit and event.
    let id = allowances::create_cycle(tx, &caller.audit, &programme, month).await?;
    allowances::cycle(tx, &patterns, id).await
}
