use actix_web::{HttpResponse, delete, web};
use linli_app::access::for_write;
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::organisations, volunteering};
use uuid::Uuid;

use crate::{
    auth::Caller,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Take a person off a volunteer team (their recorded hours stay).
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Team id"), ("person_id" = Uuid, Path)), responses(
    (status = 204, description = "Removed"),
    (status = 403, description = "No grant of yours allows this, or the team is seen (it serves a compound of yours) but its own area is not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[delete("/volunteer-teams/{id}/members/{person_id}")]
pub async fn remove_team_member(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (team_id, person_id) = path.into_inner();
    let scope = caller.scope(Action::ManageVolunteering)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let team = organisations::find_visible(&mut conn, &patterns, team_id)
        .await
        .map_err(|e| linli_app::not_found_as(e, "team"))?;
    for_write(&scope, team)?;
    let area = linli_persistence::areas::first_root(&patterns);
    volunteering::remove_member(&mut conn, &caller.audit, team_id, &area, person_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
