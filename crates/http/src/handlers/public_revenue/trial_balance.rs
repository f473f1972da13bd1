use actix_web::{HttpResponse, get, web};
use linli_domain::public_revenue::yuan;
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::readable;
use crate::{
    auth::Caller,
    csv_file,
    dto::public_revenue::{AccountView, AsOfQuery, TrialBalance},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// The trial balance (试算平衡表) of a compound: every account's debits, credits and
/// balance up to `as_of`; total debits always equal total credits. `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id"), AsOfQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((TrialBalance = "application/json"), (String = "text/csv"))),
    (status = 422, description = "`format` not `json` or `csv`, or a bad period", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}/ledger/trial-balance")]
pub async fn trial_balance(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<AsOfQuery>,
) -> ApiResult<HttpResponse> {
    let as_csv = csv_file::wanted(query.format.as_deref())?;
    let mut conn = state.db.conn().await?;
    let compound = readable(&mut conn, &caller, id.into_inner()).await?;
    let accounts: Vec<AccountView> = public_revenue::accounts(&mut conn, compound.id, query.as_of)
        .await?
        .into_iter()
        .map(AccountView::from)
        .collect();
    if as_csv {
        return csv_file::attachment(
            "trial-balance.csv",
            &[
                "科目代码",
                "科目名称",
                "类型",
                "借方合计(元)",
                "贷方合计(元)",
                "余额(元)",
            ],
            accounts.iter().map(|a| {
                vec![
                    a.code.clone(),
                    a.name_zh.clone(),
                    a.kind.as_str().to_owned(),
                    yuan(a.debit_fen),
                    yuan(a.credit_fen),
                    yuan(a.balance_fen),
                ]
            }),
        );
    }
    let total_debit_fen = accounts.iter().map(|a| a.debit_fen).sum();
    let total_credit_fen = accounts.iter().map(|a| a.credit_fen).sum();
    Ok(HttpResponse::Ok().json(TrialBalance {
        compound_id: compound.id,
        as_of: query.as_of,
        balanced: total_debit_fen == total_credit_fen,
        accounts,
        total_debit_fen,
        total_credit_fen,
    }))
}
