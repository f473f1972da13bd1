use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::{CycleList, CycleQuery, CycleView};

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
    let find = query.to_find();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::list_cycles(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(CycleList {
        items: items.into_iter().map(CycleView::from).collect(),
    }))
}
