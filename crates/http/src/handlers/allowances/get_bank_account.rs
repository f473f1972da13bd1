use actix_web::{get, web};
use linli_domain::{allowance::mask_account, policy::Action};
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::allowance::BankAccountView,
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

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
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let person_id = id.into_inner();
    let mut conn = state.db.conn().await?;
    if !allowances::person_visible(&mut conn, &patterns, person_id).await? {
        return Err(ApiError::not_found("person"));
    }
    let b = allowances::bank_account(&mut conn, person_id)
        .await?
        .ok_or_else(|| ApiError::not_found("bank account"))?;
    Ok(web::Json(BankAccountView {
        person_id: b.person_id,
        bank_name: b.bank_name,
        account_no_masked: mask_account(&b.account_no),
        account_name: b.account_name,
        updated_at: b.updated_at,
    }))
}
