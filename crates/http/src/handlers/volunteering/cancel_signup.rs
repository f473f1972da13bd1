use actix_web::{HttpResponse, delete, web};
use linli_domain::policy::Action;
use linli_persistence::volunteering;
use uuid::Uuid;

use super::{participant, patterns_for};
use crate::{
    auth::Caller, dto::volunteering::ActivityView, error::ApiResult, handlers::tags,
    state::AppState,
};

/// Withdraw one's sign-up, freeing the place.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The activity", body = ActivityView),
))]
#[delete("/activities/{id}/signups/me")]
pub async fn cancel_signup(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let patterns = patterns_for(&caller, Action::Participate);
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let a = volunteering::activity(&mut conn, &patterns, id.into_inner()).await?;
    volunteering::cancel_signup(&mut conn, &caller.audit, &a, person).await?;
    let a = volunteering::activity(&mut conn, &patterns, a.id).await?;
    Ok(HttpResponse::Ok().json(ActivityView::new(a, false)))
}
