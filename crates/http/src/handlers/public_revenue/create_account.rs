use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{
    dto::public_revenue::{AccountView, NewAccountRequest},
    extract::ValidJson,
};

/// Add an account of the compound's own (e.g. a second bank account, a new kind of
/// income). It reports under one of the standard categories of its kind.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = NewAccountRequest,
    params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 201, description = "Created: the account", body = AccountView),
    (status = 422, description = "Invalid fields or a code already in use", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds/{id}/ledger/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<NewAccountRequest>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let account = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::create_account(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Created().json(AccountView::from(account)))
}
