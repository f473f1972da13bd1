use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::allowances;
use uuid::Uuid;

use super::{readable_cycle, require_over};
use crate::{
    auth::Caller,
    dto::allowance::{CycleView, HoldInput},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Hold an included line of a draft cycle with a reason (e.g. 待核实任职情况): it is not
/// paid in this cycle. Answers the cycle with new totals.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = HoldInput,
    params(("id" = Uuid, Path, description = "Cycle id"), ("payment_id" = Uuid, Path)), responses(
    (status = 200, description = "The cycle", body = CycleView),
    (status = 409, description = "Not a draft, or the line is not included", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/payments/{payment_id}/hold")]
pub async fn hold_payment(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    ValidJson(body): ValidJson<HoldInput>,
) -> ApiResult<HttpResponse> {
    let (cycle_id, payment_id) = path.into_inner();
    let reason = body.reason.trim().to_owned();
    if !(2..=200).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请说明暂缓原因（2 到 200 个字）/ give a reason of 2 to 200 characters",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let (cycle, programme) = readable_cycle(&mut conn, &caller, cycle_id).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    allowances::set_hold(&mut conn, &caller.audit, &cycle, payment_id, Some(&reason)).await?;
    let (cycle, _) = readable_cycle(&mut conn, &caller, cycle_id).await?;
    Ok(HttpResponse::Ok().json(CycleView::from(cycle)))
}
