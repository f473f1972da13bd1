use actix_web::{HttpResponse, post, web};
use linli_domain::DomainError;
use linli_persistence::special_audits;
use uuid::Uuid;

use super::{finding_view, may_conduct, visibility};
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
    caller.user_id()?;
    let note = body
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 1000) {
        return Err(
            DomainError::field("note", "说明不能超过 1000 个字 / at most 1000 characters").into(),
        );
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let (r, f) = special_audits::rectification(&mut conn, &vis, id.into_inner()).await?;
    let engagement = special_audits::engagement(&mut conn, &vis, f.engagement_id).await?;
    may_conduct(&mut conn, &caller, &engagement).await?;
    special_audits::verify_rectification(
        &mut conn,
        &caller.audit,
        &vis,
        r.id,
        body.accepted,
        note.as_deref(),
    )
    .await?;
    let view = finding_view(&mut conn, &vis, f.id).await?;
    Ok(HttpResponse::Ok().json(view))
}
