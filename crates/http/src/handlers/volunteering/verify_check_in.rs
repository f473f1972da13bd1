use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::volunteering;
use uuid::Uuid;

use super::viewer;
use crate::{
    auth::Caller,
    dto::volunteering::{CheckInView, HoursVerdict},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Verify (or reject) the hours of a closed check-in: the leader of the activity's team or
/// the party secretary (and community staff) of the place. Nobody verifies their own.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = HoursVerdict,
    params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The check-in", body = CheckInView),
    (status = 409, description = "`still_checked_in`, `already_verified`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/check-ins/{id}/verification")]
pub async fn verify_check_in(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<HoursVerdict>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let me = viewer(&mut conn, &caller).await?;
    let id = id.into_inner();
    let c = volunteering::find_check_in(&mut conn, &["%".to_owned()], None, id).await?;
    let by_area = caller
        .scope(Action::VerifyHours)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(c.area_path.clone())));
    let leader = match (me, c.team_id) {
        (Some(p), Some(team)) => volunteering::leads(&mut conn, p, team).await?,
        _ => false,
    };
    let sees = by_area
        || leader
        || me == Some(c.person_id)
        || caller
            .scope(Action::ReadVolunteering)
            .is_ok_and(|s| s.covers(&AreaPath::from_stored(c.area_path.clone())));
    if !sees {
        return Err(ApiError::not_found("check-in"));
    }
    if !(by_area || leader) || me == Some(c.person_id) {
        return Err(DomainError::Forbidden.into());
    }
    volunteering::verify(&mut conn, &caller.audit, &c, body.accepted).await?;
    let c = volunteering::find_check_in(&mut conn, &["%".to_owned()], None, id).await?;
    Ok(HttpResponse::Ok().json(CheckInView::from(c)))
}
