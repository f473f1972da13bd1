//! Cancelling an activity.

use linli_domain::ids::ActivityId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Activity},
};

use crate::{Caller, Result, access::for_write};

/// Cancels an activity of the caller's area: no more sign-ups or check-ins; the record
/// stays. `activity_cancelled` when it already is. Returns the activity.
pub async fn cancel_activity(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    activity_id: ActivityId,
) -> Result<Activity> {
    // Authorise.
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    // Load: seen, and owned (its place's area).
    let a = volunteering::activity(tx, &patterns, activity_id.into()).await?;
    let a = for_write(&scope, a)?;
    // Store, audit and event.
    volunteering::cancel_activity(tx, &caller.audit, &a).await?;
    volunteering::activity(tx, &patterns, a.id).await
}
