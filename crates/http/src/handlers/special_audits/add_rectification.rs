use crate::handlers::prelude::*;
use linli_app::special_audits::add_rectification as add;

use crate::{
    dto::special_audit::{FindingView, RectificationInput},
    extract::ValidJson,
};

/// Agree a rectification action (整改措施) on an open finding: what must be done, by whom,
/// by when. The firm's auditors or the audit office set them.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = RectificationInput,
    params(("id" = Uuid, Path, description = "Finding id")), responses(
    (status = 201, description = "The finding with its actions", body = FindingView),
    (status = 409, description = "The finding is closed", body = Problem, content_type = "application/problem+json"),
))]
#[post("/audit-findings/{id}/rectifications")]
pub async fn add_rectification(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<RectificationInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let f = in_transaction(&state.db, with_tx!(|tx| add(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Created().json(FindingView::from(f)))
}
