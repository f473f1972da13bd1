use crate::handlers::prelude::*;
use linli_app::volunteering::sign_up as sign;

use crate::dto::volunteering::ActivityView;

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
    let (id, now) = (id.into_inner(), state.clock().now());
    let a = in_transaction(
        &state.db,
        with_tx!(|tx| sign(tx, &caller, now, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Created().json(ActivityView::new(a, true)))
}
