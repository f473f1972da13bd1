//! Taking a person off a volunteer team.

use linli_domain::ids::{OrganisationId, PersonId};
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::{first_root, scope_patterns},
    registry::organisations::{self, Organisation},
    volunteering,
};

use crate::{Caller, Result, access::for_write, not_found_as};

/// A person's membership of a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamMembership {
    pub team_id: OrganisationId,
    pub person_id: PersonId,
}

/// Takes a person off a team of the caller's area (their recorded hours stay). A team seen
/// but owned by another area is refused.
pub async fn remove_team_member(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: TeamMembership,
) -> Result<()> {
    // Authorise.
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    // Load: seen, and owned.
    for_write(&scope, seen_team(tx, &patterns, cmd.team_id).await?)?;
    // Store, audit and event.
    let area = first_root(&patterns);
    volunteering::remove_member(
        tx,
        &caller.audit,
        cmd.team_id.into(),
        &area,
        cmd.person_id.into(),
    )
    .await
}

/// The team (an organisation) as the scope's `patterns` see it; a "team" not found.
pub(super) async fn seen_team(
    tx: &mut AsyncPgConnection,
    patterns: &[String],
    team_id: OrganisationId,
) -> Result<Organisation> {
    organisations::find_visible(tx, patterns, team_id.into())
        .await
        .map_err(|e| not_found_as(e, "team"))
}
