use actix_web::{HttpResponse, post, web};
use linli_domain::DomainError;
use linli_persistence::volunteering;

use super::participant;
use crate::{
    auth::Caller,
    dto::volunteering::{CheckInView, CheckOutInput},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let open = volunteering::open_check_in(&mut conn, person)
        .await?
        .ok_or_else(|| DomainError::WrongState {
            code: "not_checked_in",
            detail: "您当前没有未签退的签到 / you are not checked in".into(),
            allowed: vec![],
        })?;
    volunteering::check_out(
        &mut conn,
        &caller.audit,
        &open,
        state.clock().now(),
        None,
        None,
    )
    .await?;
    let c = volunteering::find_check_in(&mut conn, &[], Some(person), open.id).await?;
    Ok(HttpResponse::Ok().json(CheckInView::from(c)))
}
