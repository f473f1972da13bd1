//! Check-ins: the live monitor, the verification queue, flagged ones, one's own.

use linli_domain::ids::{ActivityId, CentreId, PersonId};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, CheckIn, CheckInFilter},
};

use super::{patterns_for, viewer};
use crate::{Caller, Result};

/// Filters of the check-in list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindCheckIns {
    pub person_id: Option<PersonId>,
    pub activity_id: Option<ActivityId>,
    pub centre_id: Option<CentreId>,
    /// Only open (`true`) or closed (`false`) ones.
    pub open: Option<bool>,
    /// `pending`, `verified`, `rejected`.
    pub verification: Option<String>,
    pub flagged: Option<bool>,
    /// Only the caller's own.
    pub mine: bool,
    /// 1 to 1000; default 200.
    pub limit: Option<i64>,
}

/// Check-ins the caller may see, newest first: staff their area's, team leaders their
/// teams' activities', volunteers their own.
pub async fn list_check_ins(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCheckIns,
) -> Result<Vec<CheckIn>> {
    // Authorise.
    let patterns = patterns_for(caller, Action::ReadVolunteering);
    let me = viewer(tx, caller).await?;
    if patterns.is_empty() && me.is_none() {
        return Err(DomainError::Forbidden.into());
    }
    // Load.
    let teams = match me {
        Some(p) => Some(volunteering::teams_led(tx, p).await?),
        None => None,
    };
    let filter = CheckInFilter {
        person_id: if find.mine {
            me
        } else {
            find.person_id.map(Into::into)
        },
        activity_id: find.activity_id.map(Into::into),
        centre_id: find.centre_id.map(Into::into),
        open: find.open,
        verification: find.verification,
        flagged: find.flagged,
        teams,
    };
    let limit = find.limit.unwrap_or(200).clamp(1, 1000);
    volunteering::check_ins(tx, &patterns, me, &filter, limit).await
}
