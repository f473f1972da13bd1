use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, FieldErrors, policy::Action, public_revenue::categories_of};
use linli_persistence::public_revenue::{self, NewAccount};
use uuid::Uuid;

use super::in_scope;
use crate::{
    auth::Caller,
    dto::public_revenue::{AccountView, NewAccountRequest},
    error::{ApiError, ApiResult, Problem},
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
    let mut errors = FieldErrors::new();
    let code_ok =
        (4..=8).contains(&body.code.len()) && body.code.bytes().all(|b| b.is_ascii_digit());
    if !code_ok {
        errors.insert(
            "code".into(),
            vec!["科目代码须为 4 到 8 位数字 / the code must be 4 to 8 digits".into()],
        );
    }
    if !(1..=40).contains(&body.name_zh.trim().chars().count()) {
        errors.insert(
            "name_zh".into(),
            vec!["名称须为 1 到 40 个字 / 1 to 40 characters".into()],
        );
    }
    if !(1..=60).contains(&body.name_en.trim().chars().count()) {
        errors.insert(
            "name_en".into(),
            vec!["英文名称须为 1 到 60 个字符 / 1 to 60 characters".into()],
        );
    }
    if !categories_of(body.kind).contains(&body.category.as_str()) {
        errors.insert(
            "category".into(),
            vec![format!(
                "类别须为以下之一 / category must be one of: {}",
                categories_of(body.kind).join(", ")
            )],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let compound = in_scope(&mut conn, &caller, id.into_inner(), Action::PostLedger).await?;
    public_revenue::ensure_chart(&mut conn, compound.id).await?;
    let new = NewAccount {
        code: body.code,
        name_zh: body.name_zh.trim().to_owned(),
        name_en: body.name_en.trim().to_owned(),
        kind: body.kind,
        category: body.category,
    };
    let account_id = public_revenue::add_account(
        &mut conn,
        &caller.audit,
        compound.id,
        compound.path.as_str(),
        &new,
    )
    .await
    .map_err(|e| match e {
        linli_persistence::StoreError::Domain(DomainError::Conflict(_)) => {
            DomainError::field("code", "该科目代码已被使用 / this code is already in use").into()
        }
        other => ApiError::from(other),
    })?;
    let account = public_revenue::accounts(&mut conn, compound.id, None)
        .await?
        .into_iter()
        .find(|a| a.id == account_id)
        .ok_or_else(|| ApiError::not_found("account"))?;
    Ok(HttpResponse::Created().json(AccountView::from(account)))
}
