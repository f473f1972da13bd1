use actix_web::{put, web};
use linli_domain::{FieldErrors, allowance::mask_account, policy::Action};
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::allowance::{BankAccountInput, BankAccountView},
    error::{ApiError, ApiResult},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::PreparePayments)?;
    let patterns = scope_patterns(&scope);
    let mut errors = FieldErrors::new();
    let account_no: String = body
        .account_no
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !(8..=30).contains(&account_no.len()) || !account_no.bytes().all(|b| b.is_ascii_digit()) {
        errors.insert(
            "account_no".into(),
            vec!["银行账号须为 8 到 30 位数字 / 8 to 30 digits".into()],
        );
    }
    let bank_name = body.bank_name.trim().to_owned();
    if !(2..=60).contains(&bank_name.chars().count()) {
        errors.insert(
            "bank_name".into(),
            vec!["请填写开户行 / give the bank".into()],
        );
    }
    let account_name = body.account_name.trim().to_owned();
    if !(1..=50).contains(&account_name.chars().count()) {
        errors.insert(
            "account_name".into(),
            vec!["请填写户名 / give the account holder".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let person_id = id.into_inner();
    let mut conn = state.db.conn().await?;
    if !allowances::person_visible(&mut conn, &patterns, person_id).await? {
        return Err(ApiError::not_found("person"));
    }
    let area = linli_persistence::areas::first_root(&patterns);
    allowances::set_bank_account(
        &mut conn,
        &caller.audit,
        &area,
        person_id,
        &bank_name,
        &account_no,
        &account_name,
    )
    .await?;
    let b = allowances::bank_account(&mut conn, person_id)
        .await?
        .ok_or_else(|| ApiError::not_found("bank account"))?;
    Ok(web::Json(BankAccountView {
        person_id,
        bank_name: b.bank_name,
        account_no_masked: mask_account(&b.account_no),
        account_name: b.account_name,
        updated_at: b.updated_at,
    }))
}
