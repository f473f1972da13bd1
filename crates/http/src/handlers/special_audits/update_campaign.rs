use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::special_audits;
use uuid::Uuid;

use super::{create_campaign::checked, visibility};
use crate::{
    auth::Caller,
    dto::special_audit::{CampaignInput, CampaignView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Change a campaign's name, budget, description or firms. The year and area stay; the
/// budget cannot drop below the fees already assigned; firms with engagements stay.
/// Requires `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), request_body = CampaignInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The campaign; `ETag` carries its version", body = CampaignView, headers(("ETag" = String))),
))]
#[put("/audit-campaigns/{id}")]
pub async fn update_campaign(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CampaignInput>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ManageAudits)?;
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let current = special_audits::campaign(&mut conn, &vis, id.into_inner()).await?;
    if !scope.covers(&linli_domain::area::AreaPath::from_stored(
        current.area_path.clone(),
    )) {
        return Err(DomainError::Forbidden.into());
    }
    if body.year != current.year || body.area_id != current.area_id {
        return Err(DomainError::field(
            "year",
            "年度和区域不能修改 / the year and area cannot change",
        )
        .into());
    }
    let new = checked(&mut conn, &scope, body).await?;
    special_audits::update_campaign(&mut conn, &caller.audit, &current, if_match.0, &new).await?;
    let c = special_audits::campaign(&mut conn, &vis, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(c.version)))
        .json(CampaignView::from(c)))
}
