use actix_web::{HttpResponse, get, http::header, web};
use linli_persistence::special_audits;
use uuid::Uuid;

use super::visibility;
use crate::{
    auth::Caller, dto::special_audit::CampaignView, error::ApiResult, extract::etag,
    handlers::tags, state::AppState,
};

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
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let c = special_audits::campaign(&mut conn, &vis, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(c.version)))
        .json(CampaignView::from(c)))
}
