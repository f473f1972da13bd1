use actix_web::{HttpResponse, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, volunteering};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::volunteering::ActivityView,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Cancel an activity: no more sign-ups or check-ins; the record stays.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The activity", body = ActivityView),
    (status = 409, description = "The activity is already cancelled (`activity_cancelled`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/activities/{id}/cancel")]
pub async fn cancel_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let patterns = scope_patterns(&caller.scope(Action::ManageVolunteering)?);
    let mut conn = state.db.conn().await?;
    let a = volunteering::activity(&mut conn, &patterns, id.into_inner()).await?;
    volunteering::cancel_activity(&mut conn, &caller.audit, &a).await?;
    let a = volunteering::activity(&mut conn, &patterns, a.id).await?;
    Ok(HttpResponse::Ok().json(ActivityView::new(a, false)))
}
