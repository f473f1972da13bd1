use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::compounds::{self, Compound};

use super::filter_from;
use crate::{
    auth::Caller,
    dto::compound::CompoundQuery,
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Rows fetched per round trip while exporting.
const BATCH: i64 = 500;
/// The most rows one export holds; a district has a few thousand compounds at most.
const MAX_ROWS: usize = 100_000;

/// Export the filtered compound list as CSV (UTF-8 with BOM, so spreadsheet programs
/// read the Chinese correctly). Same filters and order as the list; `limit` and `cursor`
/// are ignored.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), params(CompoundQuery), responses(
    (status = 200, description = "CSV: 小区ID, 小区名称, 街道, 社区, 地址, 治理模式, 治理模式代码, 建成年份, 楼栋数, 户数, 开放式小区, 纬度, 经度", body = String, content_type = "text/csv"),
    (status = 403, description = "Your role may not export", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "`area_id` not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/export")]
pub async fn export_compounds(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CompoundQuery>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ExportCompounds)?;
    let mut conn = state.db.conn().await?;
    let filter = filter_from(&mut conn, &scope, &query).await?;
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    writer
        .write_record([
            "小区ID",
            "小区名称",
            "街道",
            "社区",
            "地址",
            "治理模式",
            "治理模式代码",
            "建成年份",
            "楼栋数",
            "户数",
            "开放式小区",
            "纬度",
            "经度",
        ])
        .map_err(|e| ApiError::internal(&e))?;
    let mut after = None;
    let mut written = 0usize;
    loop {
        let batch = compounds::list(&mut conn, &scope, &filter, after.as_ref(), BATCH).await?;
        for c in &batch {
            writer
                .write_record(row(c))
                .map_err(|e| ApiError::internal(&e))?;
        }
        written += batch.len();
        match batch.last() {
            Some(last) if batch.len() as i64 == BATCH && written < MAX_ROWS => {
                after = Some((last.name.clone(), last.id));
            }
            _ => break,
        }
    }
    let body = writer.into_inner().map_err(|e| ApiError::internal(&e))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"compounds.csv\"; filename*=UTF-8''%E5%B0%8F%E5%8C%BA.csv",
        ))
        .body(body))
}

fn row(c: &Compound) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    vec![
        c.id.to_string(),
        c.name.clone(),
        c.subdistrict_name.clone(),
        c.community_name.clone(),
        c.address.clone(),
        c.governance_mode.label_zh().to_owned(),
        c.governance_mode.as_str().to_owned(),
        opt(c.year_built.map(|y| y.to_string())),
        c.building_count.to_string(),
        c.household_count.to_string(),
        if c.is_open { "是" } else { "否" }.to_owned(),
        opt(c.location.map(|p| p.lat.to_string())),
        opt(c.location.map(|p| p.lon.to_string())),
    ]
}
