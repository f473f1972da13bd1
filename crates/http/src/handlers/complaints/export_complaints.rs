use crate::handlers::prelude::*;
use linli_app::complaints;

use crate::{
    csv_file::{self, FileName},
    dto::complaint::{ComplaintQuery, EXPORT_HEADER, export_row},
};

/// Export the filtered complaint list as CSV (UTF-8 with BOM; times in China Standard
/// Time; phones masked). Same filters and order as the list; `limit` and `cursor` are
/// ignored.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(ComplaintQuery), responses(
    (status = 200, description = "CSV: 编号, 小区, 类别, 标题, 状态, 承办单位, 受理时间, 签收期限, 办结期限, 办结时间, 超期, 督办级别, 评分, 来电人, 电话, 渠道, 提交时间", body = String, content_type = "text/csv"),
    (status = 429, description = "`rate_limited`: too many exports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/complaints/export")]
pub async fn export_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ComplaintQuery>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Export)?;
    let find = query.to_find();
    let list = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::export_complaints(tx, &caller, find).await),
    )
    .await?;
    let name = FileName::new("complaints.csv", "诉求.csv");
    csv_file::attachment(name, &EXPORT_HEADER, list.iter().map(export_row))
}
