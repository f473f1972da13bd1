use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::update_campaign as update;

use crate::{
    dto::special_audit::{CampaignInput, CampaignView},
    extract::{IfMatch, ValidJson, etag},
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
    let c = in_transaction(&state.db, with_tx!(|tx| update(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(c.version)))
        .json(CampaignView::from(c)))
}
