use crate::handlers::prelude::*;
use chrono::Datelike;
use linli_app::allowances;

use crate::dto::allowance::{BudgetQuery, BudgetView};

/// A programme-year's budget: committed (approved and later cycles, less failed
/// transfers), paid (confirmed by the bank) and remaining. Approval is refused when a cycle
/// would take committed past the budget.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path), BudgetQuery), responses(
    (status = 200, description = "The budget", body = BudgetView),
))]
#[get("/allowance-programmes/{id}/budget")]
pub async fn programme_budget(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<BudgetQuery>,
) -> ApiResult<web::Json<BudgetView>> {
    let year = query.year.unwrap_or_else(|| state.clock().today().year());
    let id = id.into_inner();
    let budget = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::programme_budget(tx, &caller, id.into(), year).await),
    )
    .await?;
    Ok(web::Json(BudgetView::from(budget)))
}
