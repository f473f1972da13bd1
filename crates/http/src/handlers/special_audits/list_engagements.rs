use crate::handlers::prelude::*;
use linli_app::special_audits;

use crate::dto::special_audit::{EngagementList, EngagementQuery, EngagementView};

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
    let find = query.to_find();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| special_audits::list_engagements(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(EngagementList {
        items: items.into_iter().map(EngagementView::from).collect(),
    }))
}
