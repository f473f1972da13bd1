//! Changing a draft meeting record.

use linli_domain::ids::MeetingId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{AsyncPgConnection, areas::scope_patterns, registry::meetings};

use super::{MeetingRecord, RecordMeeting, checked, in_full};
use crate::{Caller, Result, access::for_write};

/// A draft's new record, at the version the caller read.
#[derive(Debug, Clone)]
pub struct UpdateMeeting {
    pub meeting_id: MeetingId,
    pub record: RecordMeeting,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Replaces a draft meeting's record and action items (a finalised record is read-only:
/// 409 `meeting_finalised`); the meeting stays with its compound. Audited; returns the
/// meeting in full.
pub async fn update_meeting(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: UpdateMeeting,
) -> Result<MeetingRecord> {
    // Authorise.
    let scope = caller.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    // Load, in the caller's write scope.
    let current = meetings::find_visible(tx, &patterns, cmd.meeting_id.into()).await?;
    let current = for_write(&scope, current)?;
    // Validate.
    if cmd.record.draft.compound_id != current.compound_id.into() {
        return Err(DomainError::field(
            "compound_id",
            "会议所属小区不能修改 / a meeting stays with its compound",
        )
        .into());
    }
    let (draft, items, _) = checked(tx, &scope, cmd.record).await?;
    // Decide, store and audit.
    let meeting = meetings::update(
        tx,
        &caller.audit,
        &current,
        &draft,
        &items,
        cmd.expected_version,
        &patterns,
    )
    .await?;
    in_full(tx, meeting).await
}
