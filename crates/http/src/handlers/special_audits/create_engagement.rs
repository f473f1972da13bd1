use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, FieldErrors, policy::Action};
use linli_persistence::{
    compounds,
    special_audits::{self, NewEngagement},
};
use uuid::Uuid;

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{EngagementInput, EngagementView},
    error::{ApiError, ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Add a compound to a campaign with one of its firms and a fee. The sum of fees can never
/// exceed the campaign's budget — also when fees are assigned at the same time.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = EngagementInput,
    params(("id" = Uuid, Path, description = "Campaign id")), responses(
    (status = 201, description = "Created: the engagement; `Location` is its address; `ETag` carries its version", body = EngagementView, headers(("ETag" = String), ("Location" = String))),
    (status = 422, description = "Invalid fields, a firm not in the campaign, a compound already in it, or over budget (`fee_fen`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/audit-campaigns/{id}/engagements")]
pub async fn create_engagement(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<EngagementInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAudits)?;
    let mut errors = FieldErrors::new();
    let scope_text = body.scope.trim().to_owned();
    if !(1..=1000).contains(&scope_text.chars().count()) {
        errors.insert(
            "scope".into(),
            vec!["审计范围须为 1 到 1000 个字 / 1 to 1000 characters".into()],
        );
    }
    if body.fee_fen < 0 {
        errors.insert(
            "fee_fen".into(),
            vec!["费用不能为负 / the fee cannot be negative".into()],
        );
    }
    if body.period_to < body.period_from {
        errors.insert(
            "period_to".into(),
            vec!["审计期间结束不能早于开始 / the period must end after it starts".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let campaign = special_audits::campaign(&mut conn, &vis, id.into_inner()).await?;
    let compound = compounds::find_in_scope(&mut conn, body.compound_id, &scope)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(
                e,
                "compound_id",
                "只能选择您负责区域内的小区 / choose a compound in your area",
            )
        })?;
    if !compound
        .path
        .is_within(&linli_domain::area::AreaPath::from_stored(
            campaign.area_path.clone(),
        ))
    {
        return Err(DomainError::field(
            "compound_id",
            "该小区不在本次专项审计的区域内 / the compound lies outside the campaign's area",
        )
        .into());
    }
    if !campaign.firm_ids.contains(&body.firm_id) {
        return Err(DomainError::field(
            "firm_id",
            "请选择参与本次专项审计的审计机构 / choose one of the campaign's audit firms",
        )
        .into());
    }
    let new = NewEngagement {
        campaign_id: campaign.id,
        compound_id: compound.id,
        area_path: compound.path.as_str().to_owned(),
        firm_id: body.firm_id,
        fee_fen: body.fee_fen,
        scope: scope_text,
        period_from: body.period_from,
        period_to: body.period_to,
    };
    let id = special_audits::create_engagement(&mut conn, &caller.audit, &new).await?;
    let g = special_audits::engagement(&mut conn, &vis, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(g.version)))
        .insert_header((header::LOCATION, format!("/api/v1/audit-engagements/{id}")))
        .json(EngagementView::from(g)))
}
