use crate::handlers::prelude::*;
use linli_app::allowances::{self, HoldPayment};

use crate::{
    dto::allowance::{CycleView, HoldInput},
    extract::ValidJson,
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
    let command = HoldPayment {
        cycle_id: cycle_id.into(),
        payment_id: payment_id.into(),
        reason: body.reason,
    };
    let cycle = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::hold_payment(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(CycleView::from(cycle)))
}
