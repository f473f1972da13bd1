use actix_web::{get, web};
use linli_persistence::special_audits::{self, EngagementFilter};

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{EngagementList, EngagementQuery, EngagementView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Engagements you can see — auditors only their firm's — by compound name, with what each
/// may move to next (the board groups them by status).
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(EngagementQuery), responses(
    (status = 200, description = "The engagements", body = EngagementList),
))]
#[get("/audit-engagements")]
pub async fn list_engagements(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EngagementQuery>,
) -> ApiResult<web::Json<EngagementList>> {
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let filter = EngagementFilter {
        campaign_id: query.campaign_id,
        compound_id: query.compound_id,
        status: query.status.map(|s| s.as_str().to_owned()),
    };
    let items = special_audits::engagements(&mut conn, &vis, &filter).await?;
    Ok(web::Json(EngagementList {
        items: items.into_iter().map(EngagementView::from).collect(),
    }))
}
