//! Checking out.

use chrono::{DateTime, Utc};
use linli_domain::DomainError;
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, CheckIn},
};

use super::participant;
use crate::{Caller, Result};

/// Closes the caller's open check-in at `now` with the minutes served (at most eight hours).
/// `not_checked_in` when there is none. Returns the closed check-in.
pub async fn check_out(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<CheckIn> {
    // Authorise.
    let person = participant(tx, caller).await?;
    // Load.
    let open = volunteering::open_check_in(tx, person)
        .await?
        .ok_or_else(|| DomainError::WrongState {
            code: "not_checked_in",
            detail: "您当前没有未签退的签到 / you are not checked in".into(),
            allowed: vec![],
        })?;
    // Decide (the minutes) and store.
    volunteering::check_out(tx, &caller.audit, &open, now, None, None).await?;
    volunteering::find_check_in(tx, &[], Some(person), open.id).await
}
