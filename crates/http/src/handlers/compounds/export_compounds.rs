use crate::handlers::prelude::*;
use linli_app::compounds::export_compounds as export;

use crate::{
    csv_file::{self, FileName},
    dto::compound::{CompoundQuery, EXPORT_HEADER, export_row},
};

/// Export the filtered compound list as CSV (UTF-8 with BOM, so spreadsheet programs
/// read the Chinese correctly). Same filters and order as the list; `limit` and `cursor`
/// are ignored.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), params(CompoundQuery), responses(
    (status = 200, description = "CSV: 小区ID, 小区名称, 街道, 社区, 地址, 治理模式, 治理模式代码, 建成年份, 楼栋数, 户数, 开放式小区, 纬度, 经度", body = String, content_type = "text/csv"),
    (status = 403, description = "Your role may not export", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "`area_id` not in your scope", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many exports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/export")]
pub async fn export_compounds(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CompoundQuery>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Export)?;
    let find = query.to_find();
    let list = in_transaction(&state.db, with_tx!(|tx| export(tx, &caller, find).await)).await?;
    let name = FileName::new("compounds.csv", "小区.csv");
    csv_file::attachment(name, &EXPORT_HEADER, list.iter().map(export_row))
}
