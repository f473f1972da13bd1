use actix_web::{get, web};
use linli_persistence::special_audits;

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{CampaignList, CampaignView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Special audit campaigns you take part in, newest year first, with budget use.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), responses(
    (status = 200, description = "The campaigns", body = CampaignList),
))]
#[get("/audit-campaigns")]
pub async fn list_campaigns(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<CampaignList>> {
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let items = special_audits::campaigns(&mut conn, &vis).await?;
    Ok(web::Json(CampaignList {
        items: items.into_iter().map(CampaignView::from).collect(),
    }))
}
