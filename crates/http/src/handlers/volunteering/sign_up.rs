use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::volunteering;
use uuid::Uuid;

use super::{participant, patterns_for};
use crate::{
    auth::Caller,
    dto::volunteering::ActivityView,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Sign up for an activity. Never more sign-ups than places: the database checks under the
/// activity's lock, so concurrent sign-ups beyond capacity get 409 `activity_full`.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 201, description = "Created: the activity", body = ActivityView),
    (status = 409, description = "`activity_full`, `already_signed_up`, `activity_cancelled`, `activity_over`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/activities/{id}/signups")]
pub async fn sign_up(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let patterns = patterns_for(&caller, Action::Participate);
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let a = volunteering::activity(&mut conn, &patterns, id.into_inner()).await?;
    if a.status != "open" {
        return Err(DomainError::WrongState {
            code: "activity_cancelled",
            detail: "活动已取消 / the activity was cancelled".into(),
            allowed: vec![],
        }
        .into());
    }
    if a.ends_at < state.clock().now() {
        return Err(DomainError::WrongState {
            code: "activity_over",
            detail: "活动已结束 / the activity is over".into(),
            allowed: vec![],
        }
        .into());
    }
    volunteering::sign_up(&mut conn, &caller.audit, &a, person).await?;
    let a = volunteering::activity(&mut conn, &patterns, a.id).await?;
    Ok(HttpResponse::Created().json(ActivityView::new(a, true)))
}
