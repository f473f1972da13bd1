//! Asking to report to a compound (进小区报到).

use linli_domain::ids::CompoundId;
use linli_domain::{DomainError, policy::Action, volunteering::check_report_note};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    compounds,
    volunteering::{self, Report},
};

use super::participant;
use crate::{Caller, Result};

/// An in-service party member's request to report to a compound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestReport {
    pub compound_id: CompoundId,
    pub note: Option<String>,
}

/// Asks, as the caller, to report to a compound; its party secretary confirms or declines.
/// One active report at a time (`report_active`). Returns the stored report.
pub async fn request_report(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: RequestReport,
) -> Result<Report> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::Participate)?);
    let person = participant(tx, caller).await?;
    // Validate.
    let note = check_report_note(cmd.note)?;
    // Load.
    let compound = compounds::find(tx, cmd.compound_id.into())
        .await?
        .ok_or_else(|| DomainError::field("compound_id", "没有这个小区 / no such compound"))?;
    // Store, audit and event.
    let id = volunteering::request_report(
        tx,
        &caller.audit,
        person,
        compound.id,
        compound.path.as_str(),
        note.as_deref(),
    )
    .await?;
    volunteering::report(tx, &patterns, Some(person), id).await
}
