use crate::handlers::prelude::*;
use linli_app::volunteering::{TeamMembership, remove_team_member as remove};

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
    let command = TeamMembership {
        team_id: team_id.into(),
        person_id: person_id.into(),
    };
    in_transaction(&state.db, with_tx!(|tx| remove(tx, &caller, command).await)).await?;
    Ok(HttpResponse::NoContent().finish())
}
