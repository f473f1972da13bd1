use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::{
    csv_file,
    dto::volunteering::{EMPLOYER_REPORT_HEADER, EmployerReportQuery, employer_report_row},
};

/// The quarterly feedback to employers (CSV): each in-service party member with an
/// employer — where they reported (报到) and how many verified hours they served in the
/// quarter — sorted by employer.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(EmployerReportQuery), responses(
    (status = 200, description = "CSV: 工作单位, 姓名, 报到小区, 报到状态, 服务次数, 服务时长(小时)", body = String, content_type = "text/csv"),
    (status = 422, description = "The quarter is not written as `2026Q3`", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many exports in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/volunteering/employer-report")]
pub async fn employer_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EmployerReportQuery>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Export)?;
    let find = query.into_inner().into_find(state.clock().today());
    let report = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::employer_report(tx, &caller, find).await),
    )
    .await?;
    csv_file::attachment(
        &format!("employer-report-{}.csv", report.quarter),
        &EMPLOYER_REPORT_HEADER,
        report.lines.iter().map(employer_report_row),
    )
}
