use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::transition_engagement as transition;

use crate::{
    dto::special_audit::{EngagementTransition, EngagementView},
    extract::{IfMatch, ValidJson, etag},
};

/// Move an engagement along `planned -> fieldwork -> draft_report -> final_report ->
/// rectification -> closed` (a draft may go back to fieldwork; a final report without
/// findings closes directly). The final report needs an `opinion`. It cannot close while
/// a finding is open (409 `findings_open`, with `allowed`). The firm's auditors or the
/// audit office act. Requires `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = EngagementTransition,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The engagement; `ETag` carries its version", body = EngagementView, headers(("ETag" = String))),
    (status = 409, description = "Not allowed from the current status (`illegal_transition`, `findings_open`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "The final report needs an opinion", body = Problem, content_type = "application/problem+json"),
))]
#[post("/audit-engagements/{id}/transitions")]
pub async fn transition_engagement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<EngagementTransition>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner(), if_match.0);
    let g = in_transaction(
        &state.db,
        with_tx!(|tx| transition(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(EngagementView::from(g)))
}
