//! Reading one meeting record.

use linli_domain::ids::MeetingId;
use linli_domain::policy::Action;
use linli_persistence::{AsyncPgConnection, areas::scope_patterns, registry::meetings};

use super::{MeetingRecord, in_full};
use crate::{Caller, Result};

/// A meeting of the caller's area with its action items and amendments; 404 beyond sight.
pub async fn get_meeting(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    meeting_id: MeetingId,
) -> Result<MeetingRecord> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let meeting = meetings::find_visible(tx, &scope_patterns(&scope), meeting_id.into()).await?;
    in_full(tx, meeting).await
}
