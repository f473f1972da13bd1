use actix_web::{get, web};
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::readable;
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
    let mut conn = state.db.conn().await?;
    let compound = readable(&mut conn, &caller, id.into_inner()).await?;
    let mut accounts = public_revenue::accounts(&mut conn, compound.id, None).await?;
    if accounts.is_empty() {
        public_revenue::ensure_chart(&mut conn, compound.id).await?;
        accounts = public_revenue::accounts(&mut conn, compound.id, None).await?;
    }
    Ok(web::Json(AccountList {
        compound_id: compound.id,
        items: accounts.into_iter().map(AccountView::from).collect(),
    }))
}
