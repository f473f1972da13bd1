use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::special_audits;
use uuid::Uuid;

use super::{finding_view, visibility};
use crate::{
    auth::Caller,
    dto::special_audit::{CompletionInput, FindingView},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::{public_revenue::firms_of, tags},
    state::AppState,
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
    caller.user_id()?;
    let evidence = body.evidence.trim().to_owned();
    if !(1..=4000).contains(&evidence.chars().count()) {
        return Err(DomainError::field(
            "evidence",
            "请说明整改情况和证据（1 到 4000 个字）/ describe what was done, 1 to 4000 characters",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let (r, f) = special_audits::rectification(&mut conn, &vis, id.into_inner()).await?;
    let in_area = caller
        .scope(Action::RectifyFindings)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(f.area_path.clone())));
    let owner = match r.owner_org_id.or(f.responsible_org_id) {
        Some(org) => firms_of(&mut conn, &caller).await?.contains(&org),
        None => false,
    };
    if !in_area && !owner {
        return Err(DomainError::Forbidden.into());
    }
    special_audits::complete_rectification(&mut conn, &caller.audit, &r, &f, &evidence).await?;
    let view = finding_view(&mut conn, &vis, f.id).await?;
    Ok(HttpResponse::Ok().json(view))
}
