//! Signing up for an activity.

use chrono::{DateTime, Utc};
use linli_domain::ids::ActivityId;
use linli_domain::{policy::Action, volunteering::check_sign_up_open};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Activity},
};

use super::participant;
use crate::{Caller, Result};

/// Signs the caller up for an open activity of their area that is not over at `now`.
/// Never more sign-ups than places (`activity_full`, checked by the database under the
/// activity's lock). Returns the activity.
pub async fn sign_up(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
    activity_id: ActivityId,
) -> Result<Activity> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::Participate)?);
    let person = participant(tx, caller).await?;
    // Load, decide.
    let a = volunteering::activity(tx, &patterns, activity_id.into()).await?;
    check_sign_up_open(&a.status, a.ends_at, now)?;
    // Store, audit and event.
    volunteering::sign_up(tx, &caller.audit, &a, person).await?;
    volunteering::activity(tx, &patterns, a.id).await
}
