use actix_web::{get, web};
use linli_persistence::ledger;
use uuid::Uuid;

use super::readable;
use crate::{
    auth::Caller,
    dto::revenue::{AccountList, AccountView},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// A compound's chart of accounts with balances. The standard chart is opened on first use.
#[utoipa::path(tag = tags::REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, body = AccountList),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 404, body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}/ledger/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AccountList>> {
    let mut conn = state.db.conn().await?;
    let compound = readable(&mut conn, &caller, id.into_inner()).await?;
    let mut accounts = ledger::accounts(&mut conn, compound.id, None).await?;
    if accounts.is_empty() {
        ledger::ensure_chart(&mut conn, compound.id).await?;
        accounts = ledger::accounts(&mut conn, compound.id, None).await?;
    }
    Ok(web::Json(AccountList {
        compound_id: compound.id,
        items: accounts.into_iter().map(AccountView::from).collect(),
    }))
}
