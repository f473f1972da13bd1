use actix_web::{HttpResponse, get, web};
use linli_domain::{allowance::period_label, policy::Action, public_revenue::yuan};
use linli_persistence::allowances;
use uuid::Uuid;

use super::{readable_cycle, require_over};
use crate::{
    auth::Caller,
    csv_file,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// The bank transfer file of a disbursed cycle (CSV, UTF-8 with BOM). Columns: 参考号 (our
/// transfer reference, echoed in the return file), 户名, 账号 (in full — finance officers
/// only, and every download is audited), 开户行, 金额(元), 用途, 所属月份. Import the bank's
/// answer with `POST …/reconciliation`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "CSV: 参考号, 户名, 账号, 开户行, 金额(元), 用途, 所属月份", body = String, content_type = "text/csv"),
    (status = 409, description = "Not disbursed yet", body = Problem, content_type = "application/problem+json"),
))]
#[get("/payment-cycles/{id}/bank-file")]
pub async fn bank_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (cycle, programme) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    let transfers = allowances::transfers(&mut conn, cycle.id).await?;
    if transfers.is_empty() {
        return Err(linli_domain::DomainError::WrongState {
            code: "cycle_not_disbursed",
            detail: "批次尚未发放，没有转账文件 / the cycle has not been disbursed".into(),
            allowed: vec![],
        }
        .into());
    }
    allowances::record_export(&mut conn, &caller.audit, &cycle, transfers.len()).await?;
    let purpose = format!("{} {}", period_label(cycle.month), programme.name);
    csv_file::attachment(
        &format!("bank-transfers-{}.csv", period_label(cycle.month)),
        &[
            "参考号",
            "户名",
            "账号",
            "开户行",
            "金额(元)",
            "用途",
            "所属月份",
        ],
        transfers.into_iter().map(|t| {
            vec![
                t.id.to_string(),
                t.account_name,
                t.account_no,
                t.bank_name,
                yuan(t.amount_fen),
                purpose.clone(),
                period_label(t.period_month),
            ]
        }),
    )
}
