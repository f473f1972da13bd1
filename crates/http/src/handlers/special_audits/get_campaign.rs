use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::special_audits;

use crate::{dto::special_audit::CampaignView, extract::etag};

/// One campaign; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The campaign; `ETag` carries its version", body = CampaignView, headers(("ETag" = String))),
))]
#[get("/audit-campaigns/{id}")]
pub async fn get_campaign(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let c = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::get_campaign(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(c.version)))
        .json(CampaignView::from(c)))
}
