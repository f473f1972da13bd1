use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{
    csv_file,
    dto::public_revenue::{RollupQuery, RollupReport},
};

/// Public revenue rolled up by the children of an area: the district by subdistrict, a
/// subdistrict by community, a community by compound. Defaults to this calendar year and
/// the top of your scope. `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(RollupQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((RollupReport = "application/json"), (String = "text/csv"))),
    (status = 422, description = "`format` not `json` or `csv`, or a bad period", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many statistics requests in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/public-revenue/by-area")]
pub async fn rollup_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<RollupQuery>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Statistics)?;
    let rollup = query.to_rollup();
    let today = state.clock().today();
    let report = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::rollup_report(tx, &caller, today, rollup).await),
    )
    .await?;
    let report = RollupReport::from(report);
    if csv_file::wanted(query.format.as_deref())? {
        let name = "public-revenue-by-area.csv";
        return csv_file::attachment(name, &RollupReport::CSV_HEADERS, report.csv_rows());
    }
    Ok(HttpResponse::Ok().json(report))
}
