//! Listing joint meetings.

use chrono::NaiveDate;
use linli_domain::ids::MeetingId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::meetings::{self, Meeting, MeetingFilter},
};

use crate::{Caller, Result, stored_key};

/// Where a meeting list continues: after the meeting held on this day with this id.
pub type MeetingsAfter = (NaiveDate, MeetingId);

/// Up to `limit` meetings of the caller's area after `after`, newest first.
pub async fn list_meetings(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    filter: MeetingFilter,
    after: Option<&MeetingsAfter>,
    limit: i64,
) -> Result<Vec<Meeting>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    meetings::list(
        tx,
        &scope_patterns(&scope),
        &filter,
        stored_key(after).as_ref(),
        limit,
    )
    .await
}
