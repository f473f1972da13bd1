use crate::handlers::prelude::*;
use linli_app::volunteering::set_team_member as set;

use crate::{
    dto::volunteering::{TeamMemberInput, TeamMemberList, TeamMemberView},
    extract::ValidJson,
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
    let command = body.into_command(team_id, person_id);
    let items = in_transaction(&state.db, with_tx!(|tx| set(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Ok().json(TeamMemberList {
        team_id,
        items: items.into_iter().map(TeamMemberView::from).collect(),
    }))
}
