use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{registry::organisations, volunteering};
use uuid::Uuid;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{TeamMemberList, TeamMemberView},
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

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
    let patterns = patterns_for(&caller, Action::ReadVolunteering);
    let mut conn = state.db.conn().await?;
    let in_area = !patterns.is_empty()
        && organisations::find_visible(&mut conn, &patterns, team_id)
            .await
            .is_ok();
    let leader = match viewer(&mut conn, &caller).await? {
        Some(p) => volunteering::leads(&mut conn, p, team_id).await?,
        None => false,
    };
    if !in_area && !leader {
        return Err(ApiError::not_found("team"));
    }
    let items = volunteering::team_members(&mut conn, team_id).await?;
    Ok(web::Json(TeamMemberList {
        team_id,
        items: items.into_iter().map(TeamMemberView::from).collect(),
    }))
}
