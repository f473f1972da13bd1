use actix_web::{HttpResponse, post, web};
use linli_domain::{allowance::parse_bank_return, policy::Action};
use linli_persistence::{allowances, areas::scope_patterns};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{readable_cycle, require_over};
use crate::{
    auth::Caller,
    dto::allowance::ReconciliationResult,
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
    upload,
};

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
))]
#[post("/payment-cycles/{id}/reconciliation")]
pub async fn reconcile_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (cycle, programme) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    drop(conn);
    let bytes = upload::read_body(
        &mut payload,
        16 * 1024 * 1024,
        "回单文件不能超过 16 MB / return files are limited to 16 MB",
    )
    .await?;
    let digest = Sha256::digest(&bytes).to_vec();
    let outcomes = parse_bank_return(&bytes).map_err(ApiError::import_invalid)?;
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let mut conn = state.db.conn().await?;
    let result = allowances::reconcile(
        &mut conn,
        &caller.audit,
        &patterns,
        cycle.id,
        &digest,
        &outcomes,
    )
    .await?
    .map_err(ApiError::import_invalid)?;
    Ok(HttpResponse::Ok().json(ReconciliationResult {
        paid: result.paid,
        failed: result.failed,
        unchanged: result.unchanged,
        replayed: result.replayed,
        reconciled: result.reconciled,
    }))
}
