//! Adding a person to a volunteer team, or changing their role.

use linli_domain::ids::{OrganisationId, PersonId};
use linli_domain::{DomainError, policy::Action, registry::OrgKind, volunteering::check_team_role};
use linli_persistence::{
    AsyncPgConnection,
    areas::{first_root, scope_patterns},
    volunteering::{self, TeamMember},
};

use super::remove_team_member::seen_team;
use crate::{Caller, Result, access::for_write};

/// A person's membership of a team, with their role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetTeamMember {
    pub team_id: OrganisationId,
    pub person_id: PersonId,
    /// `leader` (verifies the team's hours) or `member`.
    pub role: String,
}

/// Adds a person to a volunteer team of the caller's area or changes their role. A team
/// seen (it serves a compound of the caller's) but owned by another area is refused.
/// Returns the team's members.
pub async fn set_team_member(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: SetTeamMember,
) -> Result<Vec<TeamMember>> {
    // Authorise.
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    // Validate.
    check_team_role(&cmd.role)?;
    // Load: a volunteer team seen, and owned; a person.
    let team = seen_team(tx, &patterns, cmd.team_id).await?;
    if team.kind != OrgKind::VolunteerTeam {
        return Err(DomainError::NotFound("team").into());
    }
    for_write(&scope, team)?;
    if !volunteering::person_exists(tx, cmd.person_id.into()).await? {
        return Err(DomainError::field("person_id", "没有这个人员 / no such person").into());
    }
    // Store, audit and event.
    let area = first_root(&patterns);
    volunteering::set_member(
        tx,
        &caller.audit,
        cmd.team_id.into(),
        &area,
        cmd.person_id.into(),
        &cmd.role,
    )
    .await?;
    volunteering::team_members(tx, cmd.team_id.into()).await
}
