//! Deciding on a report.

use linli_domain::ids::ReportId;
use linli_domain::{
    DomainError,
    area::AreaPath,
    policy::Action,
    volunteering::{ReportAction, check_report_reason},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Report},
};

use super::viewer;
use crate::{Caller, Result};

/// A decision on a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecideReport {
    pub report_id: ReportId,
    pub action: ReportAction,
    /// Required to decline.
    pub reason: Option<String>,
}

/// The compound's party secretary (or community staff) confirms or declines a report (with
/// a reason); the member withdraws a request or ends a confirmed report (the secretary may
/// end it too). Returns the report.
pub async fn decide_report(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: DecideReport,
) -> Result<Report> {
    // Authorise: confirming and declining are the deciders' alone; withdrawing and ending
    // are settled on the report (the member's own, or the decider's area).
    let deciding = caller.scope(Action::DecideReports).ok();
    if matches!(cmd.action, ReportAction::Confirm | ReportAction::Decline) && deciding.is_none() {
        return Err(DomainError::Forbidden.into());
    }
    // Validate.
    let reason = check_report_reason(cmd.action, cmd.reason)?;
    // Load: seen by area or as one's own; changed by a decider whose scope covers it.
    let patterns = caller
        .scope(Action::ReadVolunteering)
        .map(|s| scope_patterns(&s))
        .unwrap_or_default();
    let me = viewer(tx, caller).await?;
    let current = volunteering::report(tx, &patterns, me, cmd.report_id.into()).await?;
    let decider =
        deciding.is_some_and(|s| s.covers(&AreaPath::from_stored(current.area_path.clone())));
    let own = me == Some(current.person_id);
    let allowed = match cmd.action {
        ReportAction::Confirm | ReportAction::Decline => decider,
        ReportAction::Withdraw => own,
        ReportAction::End => own || decider,
    };
    if !allowed {
        return Err(DomainError::Forbidden.into());
    }
    // Decide (the step), store, audit and event.
    volunteering::decide_report(tx, &caller.audit, &current, cmd.action, reason.as_deref()).await?;
    volunteering::report(tx, &patterns, me, current.id).await
}
