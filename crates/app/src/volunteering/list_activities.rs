//! Service activities (志愿活动) of a period.

use chrono::{DateTime, Duration, Utc};
use linli_domain::ids::OrganisationId;
use linli_persistence::{AsyncPgConnection, volunteering};

use super::{SeenActivity, activity_patterns, signed_activities};
use crate::{Caller, Result};

/// The most activities one list holds.
const MAX_ACTIVITIES: i64 = 500;

/// The window and team of an activity list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindActivities {
    /// Default: now.
    pub from: Option<DateTime<Utc>>,
    /// Default: 30 days after `from`.
    pub to: Option<DateTime<Utc>>,
    pub team_id: Option<OrganisationId>,
    pub now: DateTime<Utc>,
}

/// Activities in the caller's area overlapping the window, soonest first, each with
/// whether the caller signed up.
pub async fn list_activities(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindActivities,
) -> Result<Vec<SeenActivity>> {
    // Authorise.
    let patterns = activity_patterns(caller)?;
    // Load.
    let from = find.from.unwrap_or(find.now);
    let to = find.to.unwrap_or(from + Duration::days(30));
    let mine = signed_activities(tx, caller).await?;
    let items = volunteering::activities(
        tx,
        &patterns,
        from,
        to,
        find.team_id.map(Into::into),
        MAX_ACTIVITIES,
    )
    .await?;
    Ok(items
        .into_iter()
        .map(|activity| SeenActivity {
            mine: mine.contains(&activity.id),
            activity,
        })
        .collect())
}
