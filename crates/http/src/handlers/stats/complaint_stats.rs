use actix_web::{get, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::complaint_stats::{StatsGroup, stats};

use crate::{
    auth::Caller,
    dto::complaint::{ComplaintGroupStats, ComplaintStatsQuery},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Complaint statistics in your area, grouped by subdistrict, compound, category or
/// handling organisation: volume, acceptance and resolution times (median, p90), on-time
/// rate and satisfaction. Merged duplicates are left out.
///
/// Without `from` and `to` (the dashboard) the figures cover all time and come from a
/// rollup kept as complaints change, in milliseconds at any size: counts, rates and
/// satisfaction are exact, medians and p90s are read off histograms of 5 %-wide buckets
/// and are within 5 % (or one minute) of the exact value; `percentiles_estimated` is
/// true. With `from` or `to` everything is computed exactly from the period's complaints
/// (slower on a district's whole history; the statement timeout applies).
#[utoipa::path(tag = tags::STATS, security(("bearer" = []), ("api_key" = [])), params(ComplaintStatsQuery), responses(
    (status = 200, description = "The complaint group stats", body = Vec<ComplaintGroupStats>),
    (status = 422, description = "Unknown grouping", body = Problem, content_type = "application/problem+json"),
))]
#[get("/stats/complaints")]
pub async fn complaint_stats(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ComplaintStatsQuery>,
) -> ApiResult<web::Json<Vec<ComplaintGroupStats>>> {
    let scope = caller.scope(Action::ReadComplaints)?;
    let group = match query.group_by.as_deref().unwrap_or("subdistrict") {
        "subdistrict" => StatsGroup::Subdistrict,
        "compound" => StatsGroup::Compound,
        "category" => StatsGroup::Category,
        "handler" => StatsGroup::Handler,
        _ => return Err(DomainError::field("group_by", "分组须为 subdistrict、compound、category 或 handler / group by subdistrict, compound, category or handler").into()),
    };
    let mut conn = state.db.conn().await?;
    let (rows, estimated) = stats(&mut conn, &scope, group, query.from, query.to).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|g| ComplaintGroupStats::new(g, estimated))
            .collect(),
    ))
}
