use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::{
    dto::allowance::{BankAccountInput, BankAccountView},
    extract::ValidJson,
};

/// Set the bank account allowances are paid into (finance officers). The answer and the
/// audit log show only the last four digits.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = BankAccountInput,
    params(("id" = Uuid, Path, description = "Person id")), responses(
    (status = 200, description = "The bank account", body = BankAccountView),
))]
#[put("/people/{id}/bank-account")]
pub async fn set_bank_account(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<BankAccountInput>,
) -> ApiResult<web::Json<BankAccountView>> {
    let command = body.into_command(id.into_inner());
    let b = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::set_bank_account(tx, &caller, command).await),
    )
    .await?;
    Ok(web::Json(BankAccountView::from(b)))
}
