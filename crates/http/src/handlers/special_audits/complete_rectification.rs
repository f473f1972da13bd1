use crate::handlers::prelude::*;
use linli_app::special_audits::complete_rectification as complete;

use crate::{
    dto::special_audit::{CompletionInput, FindingView},
    extract::ValidJson,
};

/// Report a rectification action done, with evidence (e.g. "补记停车收入 12,000 元，凭证
/// J2026-10-015"). The compound's committee, property company, secretary or the
/// responsible organisation's members report; someone other than the finding's author
/// then verifies it.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = CompletionInput,
    params(("id" = Uuid, Path, description = "Rectification id")), responses(
    (status = 200, description = "The finding with its actions", body = FindingView),
    (status = 409, description = "Already verified", body = Problem, content_type = "application/problem+json"),
))]
#[post("/rectifications/{id}/completion")]
pub async fn complete_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<CompletionInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let f = in_transaction(
        &state.db,
        with_tx!(|tx| complete(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(FindingView::from(f)))
}
