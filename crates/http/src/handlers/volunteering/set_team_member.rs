use actix_web::{HttpResponse, put, web};
use linli_app::access::for_write;
use linli_domain::{DomainError, policy::Action, registry::OrgKind};
use linli_persistence::{areas::scope_patterns, registry::organisations, volunteering};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::volunteering::{TeamMemberInput, TeamMemberList, TeamMemberView},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Add a person to a volunteer team (e.g. 左邻右里, 三色马甲) or change their role
/// (`leader` verifies the team's hours, `member`).
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = TeamMemberInput,
    params(("id" = Uuid, Path, description = "Team id"), ("person_id" = Uuid, Path)), responses(
    (status = 200, description = "The team members", body = TeamMemberList),
    (status = 403, description = "No grant of yours allows this, or the team is seen (it serves a compound of yours) but its own area is not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[put("/volunteer-teams/{id}/members/{person_id}")]
pub async fn set_team_member(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    ValidJson(body): ValidJson<TeamMemberInput>,
) -> ApiResult<HttpResponse> {
    let (team_id, person_id) = path.into_inner();
    if !matches!(body.role.as_str(), "leader" | "member") {
        return Err(
            DomainError::field("role", "须为 leader 或 member / must be leader or member").into(),
        );
    }
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let team = organisations::find_visible(&mut conn, &patterns, team_id)
        .await
        .map_err(|e| linli_app::not_found_as(e, "team"))?;
    if team.kind != OrgKind::VolunteerTeam {
        return Err(ApiError::not_found("team"));
    }
    for_write(&scope, team)?;
    if !volunteering::person_exists(&mut conn, person_id).await? {
        return Err(DomainError::field("person_id", "没有这个人员 / no such person").into());
    }
    let area = linli_persistence::areas::first_root(&patterns);
    volunteering::set_member(
        &mut conn,
        &caller.audit,
        team_id,
        &area,
        person_id,
        &body.role,
    )
    .await?;
    let items = volunteering::team_members(&mut conn, team_id).await?;
    Ok(HttpResponse::Ok().json(TeamMemberList {
        team_id,
        items: items.into_iter().map(TeamMemberView::from).collect(),
    }))
}
