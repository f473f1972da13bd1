//! Verifying (or rejecting) the hours of a check-in.

use linli_domain::ids::CheckInId;
use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, CheckIn},
};

use super::viewer;
use crate::{Caller, Result};

/// The verdict on a check-in's hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerifyCheckIn {
    pub check_in_id: CheckInId,
    pub accepted: bool,
}

/// The leader of the activity's team, or the staff verifying hours where the check-in took
/// place, verify (or reject) the hours of a closed check-in; nobody verifies their own.
/// Seen by them, by readers of the place's area and by its volunteer; not found otherwise.
/// Returns the check-in.
pub async fn verify_check_in(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: VerifyCheckIn,
) -> Result<CheckIn> {
    // Authorise, on the check-in: who verifies depends on where it was and whose team.
    let me = viewer(tx, caller).await?;
    let all = ["%".to_owned()];
    let c = volunteering::find_check_in(tx, &all, None, cmd.check_in_id.into()).await?;
    let covers = |action: Action| {
        caller
            .scope(action)
            .is_ok_and(|s| s.covers(&AreaPath::from_stored(c.area_path.clone())))
    };
    let by_area = covers(Action::VerifyHours);
    let leader = match (me, c.team_id) {
        (Some(p), Some(team)) => volunteering::leads(tx, p, team).await?,
        _ => false,
    };
    let sees = by_area || leader || me == Some(c.person_id) || covers(Action::ReadVolunteering);
    if !sees {
        return Err(DomainError::NotFound("check-in").into());
    }
    if !(by_area || leader) || me == Some(c.person_id) {
        return Err(DomainError::Forbidden.into());
    }
    // Store, audit and event.
    volunteering::verify(tx, &caller.audit, &c, cmd.accepted).await?;
    volunteering::find_check_in(tx, &all, None, cmd.check_in_id.into()).await
}
