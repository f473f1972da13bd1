use actix_web::{HttpResponse, http::header, put, web};
use linli_app::{in_transaction, special_audits::update_campaign as update};
use uuid::Uuid;

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
    let command = body.into_update(id.into_inner(), if_match.0);
    let c = in_transaction(&state.db, |tx| {
        Box::pin(async move { update(tx, &caller, command).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(c.version)))
        .json(CampaignView::from(c)))
}
