use crate::handlers::prelude::*;
use linli_app::allowances;
use serde::Deserialize;

use crate::dto::allowance::CycleView;

/// No body is needed; `{}` is accepted.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct DisburseRequest {}

/// Disburse an approved cycle: one bank transfer per included line, with the bank details as
/// they are now; then download the bank file. Requires an `Idempotency-Key` (a retry replays
/// the answer). Runs once: concurrent requests queue on the cycle and find it disbursed
/// (409 `cycle_already_disbursed`); an unapproved cycle answers 409 `cycle_not_approved`; and
/// the database never holds two live transfers for one person, programme and month.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = DisburseRequest,
    params(("id" = Uuid, Path),
        ("Idempotency-Key" = String, Header, description = "Required: 8 to 128 of [A-Za-z0-9-_.:]")),
    responses(
    (status = 200, description = "The cycle", body = CycleView),
    (status = 400, description = "No Idempotency-Key", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Not approved, already disbursed, or someone already paid for the month", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/disburse")]
pub async fn disburse_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<DisburseRequest>,
) -> ApiResult<HttpResponse> {
    input.require_key()?;
    let keyed = input.keyed(&caller);
    let (cycle_id, asker) = (id.into_inner(), caller.clone());
    // Asked before the key is looked up, so a replay too needs the role over the cycle.
    in_transaction(
        &state.db,
        with_tx!(|tx| allowances::may_prepare_payments(tx, &asker, cycle_id.into()).await),
    )
    .await?;
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let cycle = allowances::disburse_cycle(tx, &caller, cycle_id.into()).await?;
            Ok(reply(StatusCode::OK, &CycleView::from(cycle), vec![]))
        }),
    )
    .await
}
