use crate::handlers::prelude::*;
use linli_app::volunteering::check_out as close;

use crate::{
    dto::volunteering::{CheckInView, CheckOutInput},
    extract::ValidJson,
};

/// Check out: closes the caller's open check-in and computes the minutes served (at most
/// eight hours). The hours count once the team leader or the party secretary verifies them.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = CheckOutInput, responses(
    (status = 200, description = "The check-in", body = CheckInView),
    (status = 409, description = "`not_checked_in`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/check-ins/check-out")]
pub async fn check_out(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(_body): ValidJson<CheckOutInput>,
) -> ApiResult<HttpResponse> {
    let now = state.clock().now();
    let c = in_transaction(&state.db, with_tx!(|tx| close(tx, &caller, now).await)).await?;
    Ok(HttpResponse::Ok().json(CheckInView::from(c)))
}
