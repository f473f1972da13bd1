use actix_web::{get, web};
use linli_app::{in_transaction, public_revenue};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::public_revenue::{AccountList, AccountView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// A compound's chart of accounts with balances. The standard chart is opened on first use.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The accounts", body = AccountList),
))]
#[get("/compounds/{id}/ledger/accounts")]
pub async fn list_accounts(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<AccountList>> {
    let id = id.into_inner();
    let (compound_id, accounts) = in_transaction(&state.db, move |tx| {
        Box::pin(async move { public_revenue::list_accounts(tx, &caller, id).await })
    })
    .await?;
    Ok(web::Json(AccountList {
        compound_id,
        items: accounts.into_iter().map(AccountView::from).collect(),
    }))
}
