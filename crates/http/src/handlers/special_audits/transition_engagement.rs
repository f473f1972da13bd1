use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::DomainError;
use linli_persistence::special_audits::{self, Step};
use uuid::Uuid;

use super::{may_conduct, visibility};
use crate::{
    auth::Caller,
    dto::special_audit::{EngagementTransition, EngagementView},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let summary = body
        .report_summary
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if summary.as_ref().is_some_and(|s| s.chars().count() > 4000) {
        return Err(DomainError::field(
            "report_summary",
            "报告摘要不能超过 4000 个字 / at most 4000 characters",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let current = special_audits::engagement(&mut conn, &vis, id.into_inner()).await?;
    may_conduct(&mut conn, &caller, &current).await?;
    special_audits::transition(
        &mut conn,
        &caller.audit,
        &vis,
        current.id,
        Some(if_match.0),
        &Step {
            to: body.to,
            opinion: body.opinion,
            report_summary: summary,
        },
    )
    .await?;
    let g = special_audits::engagement(&mut conn, &vis, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(EngagementView::from(g)))
}
