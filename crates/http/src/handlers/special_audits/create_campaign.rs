use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits::create_campaign as create;

use crate::{
    dto::special_audit::{CampaignInput, CampaignView},
    extract::{ValidJson, etag},
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
    let fields = body.into_fields();
    let c = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, fields).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(c.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/audit-campaigns/{}", c.id),
        ))
        .json(CampaignView::from(c)))
}
