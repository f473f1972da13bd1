use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::special_audits;
use uuid::Uuid;

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{EngagementView, FeeInput},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Set an engagement's fee (and scope). The campaign's budget caps the sum of fees: the
/// database checks it under the campaign's lock, so concurrent assignments never
/// overspend. Requires `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = FeeInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The engagement; `ETag` carries its version", body = EngagementView, headers(("ETag" = String))),
    (status = 422, description = "Negative, or over the budget (`fee_fen`)", body = Problem, content_type = "application/problem+json"),
))]
#[put("/audit-engagements/{id}/fee")]
pub async fn set_engagement_fee(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<FeeInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAudits)?;
    if body.fee_fen < 0 {
        return Err(
            DomainError::field("fee_fen", "费用不能为负 / the fee cannot be negative").into(),
        );
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let current = special_audits::engagement(&mut conn, &vis, id.into_inner()).await?;
    if !scope.covers(&AreaPath::from_stored(current.area_path.clone())) {
        return Err(DomainError::Forbidden.into());
    }
    let scope_text = body
        .scope
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| current.scope.clone());
    if !(1..=1000).contains(&scope_text.chars().count()) {
        return Err(DomainError::field(
            "scope",
            "审计范围须为 1 到 1000 个字 / 1 to 1000 characters",
        )
        .into());
    }
    special_audits::assign_fee(
        &mut conn,
        &caller.audit,
        &current,
        if_match.0,
        body.fee_fen,
        &scope_text,
    )
    .await?;
    let g = special_audits::engagement(&mut conn, &vis, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(g.version)))
        .json(EngagementView::from(g)))
}
