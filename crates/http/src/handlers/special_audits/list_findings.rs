use actix_web::{get, web};
use linli_persistence::special_audits::{self, FindingFilter};

use super::{visibility, with_actions};
use crate::{
    auth::Caller,
    dto::special_audit::{FindingList, FindingQuery},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Findings you can see with their rectification actions, newest first; `overdue=true`
/// lists those with an action past its deadline.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(FindingQuery), responses(
    (status = 200, description = "The findings", body = FindingList),
))]
#[get("/audit-findings")]
pub async fn list_findings(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<FindingQuery>,
) -> ApiResult<web::Json<FindingList>> {
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let filter = FindingFilter {
        engagement_id: query.engagement_id,
        campaign_id: query.campaign_id,
        status: query.status.clone(),
        overdue: query.overdue.unwrap_or(false),
    };
    let findings = special_audits::findings(&mut conn, &vis, &filter).await?;
    Ok(web::Json(FindingList {
        items: with_actions(&mut conn, findings).await?,
    }))
}
