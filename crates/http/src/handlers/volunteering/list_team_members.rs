use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::{TeamMemberList, TeamMemberView};

/// A volunteer team's members with their verified minutes, leaders first. Staff of the
/// team's area and the team's own leaders see it.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Team (organisation) id")), responses(
    (status = 200, description = "The team members", body = TeamMemberList),
))]
#[get("/volunteer-teams/{id}/members")]
pub async fn list_team_members(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<TeamMemberList>> {
    let team_id = id.into_inner();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::list_team_members(tx, &caller, team_id.into()).await),
    )
    .await?;
    Ok(web::Json(TeamMemberList {
        team_id,
        items: items.into_iter().map(TeamMemberView::from).collect(),
    }))
}
