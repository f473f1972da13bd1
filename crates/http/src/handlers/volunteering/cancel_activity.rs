use crate::handlers::prelude::*;
use linli_app::volunteering::cancel_activity as cancel;

use crate::dto::volunteering::ActivityView;

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
    let id = id.into_inner();
    let a = in_transaction(
        &state.db,
        with_tx!(|tx| cancel(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(ActivityView::new(a, false)))
}
