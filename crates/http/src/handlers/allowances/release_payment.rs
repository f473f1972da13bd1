use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::CycleView;

/// Release a held line of a draft cycle: it is included again.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Cycle id"), ("payment_id" = Uuid, Path)), responses(
    (status = 200, description = "The cycle", body = CycleView),
    (status = 409, description = "Not a draft, or the line is not held", body = Problem, content_type = "application/problem+json"),
))]
#[delete("/payment-cycles/{id}/payments/{payment_id}/hold")]
pub async fn release_payment(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (cycle_id, payment_id) = path.into_inner();
    let cycle = in_transaction(
        &state.db,
        with_tx!(
            |tx| allowances::release_payment(tx, &caller, cycle_id.into(), payment_id.into()).await
        ),
    )
    .await?;
    Ok(HttpResponse::Ok().json(CycleView::from(cycle)))
}
