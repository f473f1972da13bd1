use actix_web::{HttpResponse, post, web};
use linli_app::{in_transaction, special_audits::verify_rectification as verify};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::special_audit::{FindingView, VerificationInput},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let f = in_transaction(&state.db, |tx| {
        Box::pin(async move { verify(tx, &caller, command).await })
    })
    .await?;
    Ok(HttpResponse::Ok().json(FindingView::from(f)))
}
