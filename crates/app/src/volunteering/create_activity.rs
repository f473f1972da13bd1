//! Creating a service activity.

use chrono::{DateTime, Utc};
use linli_domain::ids::{CentreId, CompoundId, OrganisationId};
use linli_domain::{
    DomainError,
    policy::Action,
    registry::OrgKind,
    volunteering::{ActivityDraft, check_activity, trimmed},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    compounds,
    registry::{centres, organisations},
    volunteering::{self, Activity, NewActivity},
};

use crate::{Caller, Result, not_found_as_field};

/// An activity as its organiser describes it: at a centre or in a compound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateActivity {
    pub title: String,
    pub description: Option<String>,
    /// The volunteer team that runs it, if one does.
    pub team_id: Option<OrganisationId>,
    pub centre_id: Option<CentreId>,
    pub compound_id: Option<CompoundId>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
}

/// Creates an activity at a centre or in a compound of the caller's area (the place decides
/// the activity's area), optionally for a volunteer team. Returns the stored activity.
pub async fn create_activity(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CreateActivity,
) -> Result<Activity> {
    // Authorise.
    let scope = caller.scope(Action::ManageVolunteering)?;
    // Validate.
    check_activity(&ActivityDraft {
        title: &cmd.title,
        description: cmd.description.as_deref(),
        starts_at: cmd.starts_at,
        ends_at: cmd.ends_at,
        capacity: cmd.capacity,
        at_centre: cmd.centre_id.is_some(),
        in_compound: cmd.compound_id.is_some(),
    })?;
    // Load: the place, in the caller's area; the team, anywhere.
    let area_path = if let Some(centre) = cmd.centre_id {
        centres::find_visible(tx, &scope_patterns(&scope), centre.into())
            .await
            .map_err(|e| {
                not_found_as_field(
                    e,
                    "centre_id",
                    "只能选择您负责区域内的服务中心 / choose a centre in your area",
                )
            })?
            .area_path
    } else {
        let id = cmd.compound_id.map(CompoundId::uuid).unwrap_or_default();
        compounds::find_in_scope(tx, id, &scope)
            .await
            .map_err(|e| {
                not_found_as_field(
                    e,
                    "compound_id",
                    "只能选择您负责区域内的小区 / choose a compound in your area",
                )
            })?
            .path
            .as_str()
            .to_owned()
    };
    if let Some(team) = cmd.team_id {
        let t = organisations::find_visible(tx, &["%".to_owned()], team.into())
            .await
            .map_err(|e| not_found_as_field(e, "team_id", "没有这个志愿团队 / no such team"))?;
        if t.kind != OrgKind::VolunteerTeam {
            return Err(
                DomainError::field("team_id", "须为志愿团队 / must be a volunteer team").into(),
            );
        }
    }
    // Store, audit and event.
    let new = NewActivity {
        title: cmd.title.trim().to_owned(),
        description: trimmed(cmd.description),
        team_id: cmd.team_id.map(Into::into),
        centre_id: cmd.centre_id.map(Into::into),
        compound_id: cmd.compound_id.map(Into::into),
        area_path,
        starts_at: cmd.starts_at,
        ends_at: cmd.ends_at,
        capacity: cmd.capacity,
    };
    let id = volunteering::create_activity(tx, &caller.audit, &new).await?;
    volunteering::activity(tx, &["%".to_owned()], id).await
}
