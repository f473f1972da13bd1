//! One service activity (志愿活动).

use linli_domain::ids::ActivityId;
use linli_persistence::{AsyncPgConnection, volunteering};

use super::{SeenActivity, activity_patterns, signed_activities};
use crate::{Caller, Result};

/// The activity `id` in the caller's area, with whether the caller signed up.
pub async fn get_activity(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: ActivityId,
) -> Result<SeenActivity> {
    // Authorise.
    let patterns = activity_patterns(caller)?;
    // Load.
    let activity = volunteering::activity(tx, &patterns, id.into()).await?;
    let mine = signed_activities(tx, caller).await?.contains(&activity.id);
    Ok(SeenActivity { activity, mine })
}
