use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{FieldErrors, policy::Action};
use linli_persistence::{
    areas,
    special_audits::{self, NewCampaign},
};

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{CampaignInput, CampaignView},
    error::{ApiError, ApiResult},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Open a special audit campaign over an area with a budget (integer fen) and the audit
/// firms that will take its engagements.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = CampaignInput, responses(
    (status = 201, description = "Created: the campaign; `Location` is its address; `ETag` carries its version", body = CampaignView, headers(("ETag" = String), ("Location" = String))),
))]
#[post("/audit-campaigns")]
pub async fn create_campaign(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CampaignInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAudits)?;
    let mut conn = state.db.conn().await?;
    let new = checked(&mut conn, &scope, body).await?;
    let id = special_audits::create_campaign(&mut conn, &caller.audit, &new).await?;
    let vis = visibility(&mut conn, &caller).await?;
    let c = special_audits::campaign(&mut conn, &vis, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(c.version)))
        .insert_header((header::LOCATION, format!("/api/v1/audit-campaigns/{id}")))
        .json(CampaignView::from(c)))
}

/// Checks a campaign's fields: name, year, a positive budget, an area in scope, audit firms.
pub(super) async fn checked(
    conn: &mut linli_persistence::AsyncPgConnection,
    scope: &linli_domain::policy::Scope,
    body: CampaignInput,
) -> ApiResult<NewCampaign> {
    let mut errors = FieldErrors::new();
    let name = body.name.trim().to_owned();
    if !(1..=100).contains(&name.chars().count()) {
        errors.insert(
            "name".into(),
            vec!["名称须为 1 到 100 个字 / 1 to 100 characters".into()],
        );
    }
    if !(2000..=2100).contains(&body.year) {
        errors.insert(
            "year".into(),
            vec!["年度须在 2000 到 2100 之间 / the year must be 2000 to 2100".into()],
        );
    }
    if body.budget_fen <= 0 {
        errors.insert(
            "budget_fen".into(),
            vec!["预算须为正数（单位：分）/ the budget must be positive (fen)".into()],
        );
    }
    let description = body
        .description
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty());
    if description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 2000)
    {
        errors.insert(
            "description".into(),
            vec!["说明不能超过 2000 个字 / at most 2000 characters".into()],
        );
    }
    let mut firm_ids = body.firm_ids;
    firm_ids.sort_unstable();
    firm_ids.dedup();
    let firms = special_audits::audit_firms_among(conn, &firm_ids).await?;
    if firm_ids.is_empty() || firms.len() != firm_ids.len() {
        errors.insert("firm_ids".into(), vec!["须选择至少一家审计机构，且均须为审计机构 / choose at least one audit firm; every id must be an audit firm".into()]);
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let area = areas::find_in_scope(conn, body.area_id, scope)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(
                e,
                "area_id",
                "只能在您负责的区域开展专项审计 / choose an area you are responsible for",
            )
        })?;
    Ok(NewCampaign {
        name,
        year: body.year,
        area_id: area.id,
        area_path: area.path.as_str().to_owned(),
        budget_fen: body.budget_fen,
        description,
        firm_ids,
    })
}
