use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::{
    csv_file,
    dto::allowance::{BANK_FILE_COLUMNS, bank_file_rows},
};

/// The bank transfer file of a disbursed cycle (CSV, UTF-8 with BOM). Columns: 参考号 (our
/// transfer reference, echoed in the return file), 户名, 账号 (in full — finance officers
/// only, and every download is audited), 开户行, 金额(元), 用途, 所属月份. Import the bank's
/// answer with `POST …/reconciliation`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "CSV: 参考号, 户名, 账号, 开户行, 金额(元), 用途, 所属月份", body = String, content_type = "text/csv"),
    (status = 409, description = "Not disbursed yet", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many exports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/payment-cycles/{id}/bank-file")]
pub async fn bank_file(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Export)?;
    let id = id.into_inner();
    let file = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::bank_file(tx, &caller, id.into()).await),
    )
    .await?;
    let (name, rows) = bank_file_rows(file);
    csv_file::attachment(&name, &BANK_FILE_COLUMNS, rows)
}
