use crate::handlers::prelude::*;
use linli_app::stats;

use crate::dto::complaint::{ComplaintGroupStats, ComplaintStatsQuery};

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
    (status = 429, description = "`rate_limited`: too many statistics requests in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/stats/complaints")]
pub async fn complaint_stats(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ComplaintStatsQuery>,
) -> ApiResult<web::Json<Vec<ComplaintGroupStats>>> {
    state.limit(&caller, Expensive::Statistics)?;
    let query = query.into_inner();
    let period = (query.from, query.to);
    let (rows, estimated) = on_connection(
        &state.db,
        with_tx!(|tx| stats::complaint_stats(tx, &caller, query.group_by.as_deref(), period).await),
    )
    .await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|g| ComplaintGroupStats::new(g, estimated))
            .collect(),
    ))
}
