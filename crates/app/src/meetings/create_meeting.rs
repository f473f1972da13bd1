//! Recording a joint meeting.

use linli_domain::policy::Action;
use linli_persistence::{AsyncPgConnection, areas::scope_patterns, registry::meetings};

use super::{MeetingRecord, RecordMeeting, checked, in_full};
use crate::{Caller, Result};

/// Records a joint meeting of a compound in the caller's area as a draft, with the action
/// items agreed; audited. Returns the meeting in full.
pub async fn create_meeting(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: RecordMeeting,
) -> Result<MeetingRecord> {
    // Authorise.
    let scope = caller.scope(Action::ManageMeetings)?;
    // Validate and load: the fields, the compound and the bodies that serve it.
    let (draft, items, area_path) = checked(tx, &scope, cmd).await?;
    // Store and audit.
    let meeting = meetings::create(
        tx,
        &caller.audit,
        &draft,
        &items,
        &area_path,
        &scope_patterns(&scope),
    )
    .await?;
    in_full(tx, meeting).await
}
