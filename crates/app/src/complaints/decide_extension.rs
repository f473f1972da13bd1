//! The community deciding a request for more time.

use chrono::{DateTime, Utc};
use linli_domain::ids::{ComplaintId, ExtensionId};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{AsyncPgConnection, complaints};

use super::sight::{Seen, visible};
use crate::{Caller, Result, access::for_write};

/// Approve or deny one extension request.
#[derive(Debug, Clone)]
pub struct DecideExtension {
    pub complaint_id: ComplaintId,
    pub extension_id: ExtensionId,
    pub approve: bool,
    pub note: Option<String>,
}

/// Decides the request as a dispatcher over the complaint's area. Approval moves
/// `resolve_by` by the requested working hours from the current deadline, or from `now`
/// if it has passed.
pub async fn decide_extension(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
    cmd: DecideExtension,
) -> Result<Seen> {
    // Authorise: dispatchers, with scope over the complaint's area.
    let scope = caller.scope(Action::DispatchComplaints)?;
    let (c, _) = visible(tx, caller, cmd.complaint_id).await?;
    let c = for_write(&scope, c)?;
    // Load.
    let ext = complaints::extensions_of(tx, c.id)
        .await?
        .into_iter()
        .find(|e| e.id == cmd.extension_id.uuid())
        .ok_or(DomainError::NotFound("extension"))?;
    let calendar = complaints::calendar(tx).await?;
    // Decide.
    let base = c.resolve_by.filter(|d| *d > now).unwrap_or(now);
    let new_deadline = calendar.add_working_hours(base, i64::from(ext.hours));
    let note = cmd.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    // Store, audit and event.
    complaints::decide_extension(
        tx,
        &caller.audit,
        &c,
        &ext,
        cmd.approve,
        note,
        Some(new_deadline),
    )
    .await?;
    visible(tx, caller, c.id.into()).await
}
