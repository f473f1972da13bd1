//! Signing a meeting record off.

use linli_domain::ids::MeetingId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{AsyncPgConnection, areas::scope_patterns, registry::meetings};

use super::{MeetingRecord, in_full};
use crate::{Caller, Result, access::for_write};

/// Which meeting, at the version the caller read.
#[derive(Debug, Clone, Copy)]
pub struct FinaliseMeeting {
    pub meeting_id: MeetingId,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Signs the record off (a person does): from then on it is read-only and corrections
/// are amendments. Audited; returns the meeting in full.
pub async fn finalise_meeting(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: FinaliseMeeting,
) -> Result<MeetingRecord> {
    // Authorise.
    let scope = caller.scope(Action::ManageMeetings)?;
    let user_id = caller.person().ok_or(DomainError::Forbidden)?;
    let patterns = scope_patterns(&scope);
    // Load, in the caller's write scope.
    let current = meetings::find_visible(tx, &patterns, cmd.meeting_id.into()).await?;
    let current = for_write(&scope, current)?;
    // Decide, store and audit.
    let meeting = meetings::finalise(
        tx,
        &caller.audit,
        &current,
        user_id,
        cmd.expected_version,
        &patterns,
    )
    .await?;
    in_full(tx, meeting).await
}
