use actix_web::{HttpResponse, post, web};
use linli_domain::DomainError;
use linli_persistence::special_audits;
use uuid::Uuid;

use super::{finding_view, known_organisation, may_conduct, visibility};
use crate::{
    auth::Caller,
    dto::special_audit::{FindingView, RectificationInput},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let action = body.action.trim().to_owned();
    if !(1..=1000).contains(&action.chars().count()) {
        return Err(DomainError::field(
            "action",
            "整改措施须为 1 到 1000 个字 / 1 to 1000 characters",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let finding = special_audits::finding(&mut conn, &vis, id.into_inner()).await?;
    let engagement = special_audits::engagement(&mut conn, &vis, finding.engagement_id).await?;
    may_conduct(&mut conn, &caller, &engagement).await?;
    known_organisation(&mut conn, "owner_org_id", body.owner_org_id).await?;
    special_audits::add_rectification(
        &mut conn,
        &caller.audit,
        &finding,
        &action,
        body.owner_org_id,
        body.deadline,
    )
    .await?;
    let view = finding_view(&mut conn, &vis, finding.id).await?;
    Ok(HttpResponse::Created().json(view))
}
