use actix_web::{HttpResponse, get, web};
use chrono::Datelike;
use linli_domain::{DomainError, policy::Action, volunteering::parse_quarter};
use linli_persistence::{areas::scope_patterns, volunteering};

use crate::{
    auth::Caller,
    csv_file,
    dto::volunteering::EmployerReportQuery,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// The quarterly feedback to employers (CSV): each in-service party member with an
/// employer — where they reported (报到) and how many verified hours they served in the
/// quarter — sorted by employer.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(EmployerReportQuery), responses(
    (status = 200, description = "CSV: 工作单位, 姓名, 报到小区, 报到状态, 服务次数, 服务时长(小时)", body = String, content_type = "text/csv"),
    (status = 422, description = "The quarter is not written as `2026Q3`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/volunteering/employer-report")]
pub async fn employer_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EmployerReportQuery>,
) -> ApiResult<HttpResponse> {
    let patterns = scope_patterns(&caller.scope(Action::ReadVolunteering)?);
    let quarter = match &query.quarter {
        Some(q) => q.clone(),
        None => {
            let today = state.clock().today();
            let q = (today.month() - 1) / 3;
            if q == 0 {
                format!("{}Q4", today.year() - 1)
            } else {
                format!("{}Q{q}", today.year())
            }
        }
    };
    let (from, to) = parse_quarter(&quarter).ok_or_else(|| {
        DomainError::field("quarter", "季度须写作 2026Q3 / write the quarter as 2026Q3")
    })?;
    let mut conn = state.db.conn().await?;
    let rows = volunteering::employer_report(&mut conn, &patterns, from, to).await?;
    let status = |s: Option<&str>| match s {
        Some("confirmed") => "已报到",
        Some("requested") => "待确认",
        Some("declined") => "未通过",
        Some("withdrawn") => "已撤回",
        Some("ended") => "已结束",
        _ => "未报到",
    };
    csv_file::attachment(
        &format!("employer-report-{quarter}.csv"),
        &[
            "工作单位",
            "姓名",
            "报到小区",
            "报到状态",
            "服务次数",
            "服务时长(小时)",
        ],
        rows.into_iter().map(|r| {
            vec![
                r.employer,
                r.person_name,
                r.compound_name.unwrap_or_default(),
                status(r.report_status.as_deref()).to_owned(),
                r.sessions.to_string(),
                format!("{:.1}", r.verified_minutes as f64 / 60.0),
            ]
        }),
    )
}
