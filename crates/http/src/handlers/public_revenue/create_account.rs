use actix_web::{HttpResponse, post, web};
use linli_app::{in_transaction, public_revenue};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::public_revenue::{AccountView, NewAccountRequest},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let account = in_transaction(&state.db, |tx| {
        Box::pin(async move { public_revenue::create_account(tx, &caller, command).await })
    })
    .await?;
    Ok(HttpResponse::Created().json(AccountView::from(account)))
}
