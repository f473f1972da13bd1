use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::dto::public_revenue::{AccountList, AccountView};

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
    let (compound_id, accounts) = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::list_accounts(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(AccountList {
        compound_id: compound_id.into(),
        items: accounts.into_iter().map(AccountView::from).collect(),
    }))
}
