use crate::handlers::prelude::*;
use linli_app::volunteering::{VerifyCheckIn, verify_check_in as verify};

use crate::{
    dto::volunteering::{CheckInView, HoursVerdict},
    extract::ValidJson,
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
    let command = VerifyCheckIn {
        check_in_id: id.into_inner().into(),
        accepted: body.accepted,
    };
    let c = in_transaction(&state.db, with_tx!(|tx| verify(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Ok().json(CheckInView::from(c)))
}
