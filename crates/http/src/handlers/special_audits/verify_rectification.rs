use crate::handlers::prelude::*;
use linli_app::special_audits::verify_rectification as verify;

use crate::{
    dto::special_audit::{FindingView, VerificationInput},
    extract::ValidJson,
};

/// Verify a completed rectification action — or send it back with a note. Only someone
/// other than the person who raised the finding may verify (409 `verifier_is_author`): an
/// auditor of the firm or the audit office. The finding closes when all its actions are
/// verified.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = VerificationInput,
    params(("id" = Uuid, Path, description = "Rectification id")), responses(
    (status = 200, description = "The finding with its actions", body = FindingView),
    (status = 409, description = "Not completed yet, or you raised the finding", body = Problem, content_type = "application/problem+json"),
))]
#[post("/rectifications/{id}/verification")]
pub async fn verify_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<VerificationInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let f = in_transaction(&state.db, with_tx!(|tx| verify(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Ok().json(FindingView::from(f)))
}
