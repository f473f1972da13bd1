use actix_web::{get, web};
use chrono::Datelike;
use linli_app::{allowances, in_transaction};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::allowance::{BudgetQuery, BudgetView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

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
    let budget = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::programme_budget(tx, &caller, id, year).await })
    })
    .await?;
    Ok(web::Json(BudgetView::from(budget)))
}
