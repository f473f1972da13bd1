//! Correcting a finalised meeting record.

use linli_domain::ids::MeetingId;
use linli_domain::{DomainError, FieldErrors, policy::Action};
use linli_persistence::{AsyncPgConnection, areas::scope_patterns, registry::meetings};

use super::{MeetingRecord, in_full};
use crate::{Caller, Result, access::for_write, not_found_as};

/// What was wrong in a finalised record, and why.
#[derive(Debug, Clone)]
pub struct AmendMeeting {
    pub meeting_id: MeetingId,
    pub reason: String,
    pub correction: String,
}

/// The reason (4–500 characters) and the correction (1–2000), trimmed; every broken field
/// named at once.
fn checked_amendment(reason: &str, correction: &str) -> Result<()> {
    let mut errors = FieldErrors::new();
    if !(4..=500).contains(&reason.chars().count()) {
        errors.insert(
            "reason".into(),
            vec!["更正原因须为 4 到 500 个字 / the reason must be 4 to 500 characters".into()],
        );
    }
    if !(1..=2000).contains(&correction.chars().count()) {
        errors.insert(
            "correction".into(),
            vec![
                "更正内容须为 1 到 2000 个字 / the correction must be 1 to 2000 characters".into(),
            ],
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors).into())
    }
}

/// Adds an amendment to a finalised record (a draft is edited directly: 409
/// `meeting_not_finalised`); the record stays as signed. Audited; returns the meeting in
/// full.
pub async fn amend_meeting(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: AmendMeeting,
) -> Result<MeetingRecord> {
    // Authorise.
    let scope = caller.scope(Action::ManageMeetings)?;
    let user_id = caller.person().ok_or(DomainError::Forbidden)?;
    let patterns = scope_patterns(&scope);
    // Validate.
    let (reason, correction) = (cmd.reason.trim(), cmd.correction.trim());
    checked_amendment(reason, correction)?;
    // Load, in the caller's write scope.
    let current = meetings::find_visible(tx, &patterns, cmd.meeting_id.into()).await?;
    let current = for_write(&scope, current)?;
    // Decide, store and audit.
    meetings::amend(tx, &caller.audit, &current, user_id, reason, correction).await?;
    let meeting = meetings::find_visible(tx, &patterns, current.id)
        .await
        .map_err(|e| not_found_as(e, "meeting"))?;
    in_full(tx, meeting).await
}
