use crate::handlers::prelude::*;
use linli_app::allowances::{self, ReconcileCycle};

use crate::{dto::allowance::ReconciliationResult, error::ApiError, upload};

/// Import the bank's return file (CSV): `参考号,结果,银行流水号,失败原因` (or
/// `reference,result,bank_reference,failure_reason`); 结果 成功/paid or 失败/failed, a failure
/// with its reason. Idempotent: the same file again changes nothing (`replayed`); a row
/// contradicting a recorded outcome refuses the file (422 `import_invalid` with `row_errors`).
/// Failed transfers emit `payment.failed` and are carried into the programme's next cycle.
/// When every transfer has an outcome the cycle is `reconciled`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path)),
    request_body(content = String, content_type = "text/csv", description = "The bank's return file"),
    responses(
    (status = 200, description = "The reconciliation result", body = ReconciliationResult),
    (status = 409, description = "Not disbursed", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`import_invalid` with `row_errors`; nothing changed", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many imports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/reconciliation")]
pub async fn reconcile_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Import)?;
    let (cycle_id, asker) = (id.into_inner(), caller.clone());
    // Asked before the bytes are read; no connection is held while they arrive.
    in_transaction(
        &state.db,
        with_tx!(|tx| allowances::may_prepare_payments(tx, &asker, cycle_id.into()).await),
    )
    .await?;
    let file = upload::read_body(
        &mut payload,
        16 * 1024 * 1024,
        "回单文件不能超过 16 MB / return files are limited to 16 MB",
    )
    .await?;
    let command = ReconcileCycle {
        cycle_id: cycle_id.into(),
        file,
    };
    let result = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::reconcile_cycle(tx, &caller, command).await),
    )
    .await?
    .map_err(ApiError::import_invalid)?;
    Ok(HttpResponse::Ok().json(ReconciliationResult::from(result)))
}
