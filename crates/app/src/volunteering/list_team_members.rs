//! A volunteer team's members (志愿服务队成员).

use linli_domain::ids::OrganisationId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, TeamMember},
};

use super::{patterns_for, remove_team_member::seen_team, viewer};
use crate::{Caller, Result, is_not_found};

/// The members of team `team_id` with their verified minutes, leaders first, for staff of
/// the team's area and the team's own leaders; anyone else learns nothing of it
/// (`NotFound`).
pub async fn list_team_members(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    team_id: OrganisationId,
) -> Result<Vec<TeamMember>> {
    // Authorise: staff who see the team, or its leaders.
    let patterns = patterns_for(caller, Action::ReadVolunteering);
    let in_area = !patterns.is_empty()
        && match seen_team(tx, &patterns, team_id).await {
            Ok(_) => true,
            Err(e) if is_not_found(&e) => false,
            Err(e) => return Err(e),
        };
    let leader = match viewer(tx, caller).await? {
        Some(p) => volunteering::leads(tx, p, team_id.into()).await?,
        None => false,
    };
    if !in_area && !leader {
        return Err(DomainError::NotFound("team").into());
    }
    // Load.
    volunteering::team_members(tx, team_id.into()).await
}
