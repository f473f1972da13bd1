use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};

use crate::{
    auth::Caller,
    dto::allowance::{CycleList, CycleQuery, CycleView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Payment cycles you can see, newest month first, with totals.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(CycleQuery), responses(
    (status = 200, description = "The cycles", body = CycleList),
))]
#[get("/payment-cycles")]
pub async fn list_cycles(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CycleQuery>,
) -> ApiResult<web::Json<CycleList>> {
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let mut conn = state.db.conn().await?;
    let items = allowances::cycles(
        &mut conn,
        &patterns,
        query.programme_id,
        query.status.map(|s| s.as_str()),
    )
    .await?;
    Ok(web::Json(CycleList {
        items: items.into_iter().map(CycleView::from).collect(),
    }))
}
