use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::BankAccountView;

/// A person's bank account for allowances, masked: the full number only ever leaves in the
/// bank transfer file.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Person id")), responses(
    (status = 200, description = "The bank account", body = BankAccountView),
    (status = 404, description = "No such person in your area, or no account on file", body = Problem, content_type = "application/problem+json"),
))]
#[get("/people/{id}/bank-account")]
pub async fn get_bank_account(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<BankAccountView>> {
    let person_id = id.into_inner();
    let b = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::find_bank_account(tx, &caller, person_id.into()).await),
    )
    .await?;
    Ok(web::Json(BankAccountView::from(b)))
}
