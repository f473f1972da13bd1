use crate::handlers::prelude::*;
use linli_app::volunteering::cancel_signup as cancel;

use crate::dto::volunteering::ActivityView;

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
    let id = id.into_inner();
    let a = in_transaction(
        &state.db,
        with_tx!(|tx| cancel(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(ActivityView::new(a, false)))
}
