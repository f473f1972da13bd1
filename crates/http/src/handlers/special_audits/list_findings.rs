use crate::handlers::prelude::*;
use linli_app::special_audits;

use crate::dto::special_audit::{FindingList, FindingQuery, FindingView};

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
    let find = query.to_find();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::list_findings(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(FindingList {
        items: items.into_iter().map(FindingView::from).collect(),
    }))
}
