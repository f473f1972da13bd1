use actix_web::{get, web};
use chrono::Datelike;
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};
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
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let year = query.year.unwrap_or_else(|| state.clock().today().year());
    let mut conn = state.db.conn().await?;
    let p = allowances::programme(&mut conn, &patterns, id.into_inner()).await?;
    let (committed_fen, paid_fen) = allowances::budget_use(&mut conn, p.id, year).await?;
    Ok(web::Json(BudgetView {
        programme_id: p.id,
        year,
        budget_fen: p.annual_budget_fen,
        committed_fen,
        paid_fen,
        remaining_fen: p.annual_budget_fen - committed_fen,
    }))
}
