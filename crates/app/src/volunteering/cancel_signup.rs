//! Withdrawing a sign-up.

use linli_domain::ids::ActivityId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Activity},
};

use super::participant;
use crate::{Caller, Result};

/// Withdraws the caller's sign-up for an activity, freeing the place. Returns the activity.
pub async fn cancel_signup(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    activity_id: ActivityId,
) -> Result<Activity> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::Participate)?);
    let person = participant(tx, caller).await?;
    // Load, store, audit and event.
    let a = volunteering::activity(tx, &patterns, activity_id.into()).await?;
    volunteering::cancel_signup(tx, &caller.audit, &a, person).await?;
    volunteering::activity(tx, &patterns, a.id).await
}
