use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{
    csv_file,
    dto::public_revenue::{MonthlyQuery, MonthlyReport},
};

/// Monthly public revenue income and spending by category, for a compound or rolled up
/// over an area (your whole scope when no area is given). At most 36 months.
/// `format=csv` downloads it.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(MonthlyQuery), responses(
    (status = 200, description = "The report; with `format=csv`, the same as a spreadsheet", content((MonthlyReport = "application/json"), (String = "text/csv"))),
    (status = 422, description = "A month is not written `YYYY-MM`, or the range runs backwards or spans more than 36 months", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`rate_limited`: too many statistics requests in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/public-revenue/monthly")]
pub async fn monthly_report(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<MonthlyQuery>,
) -> ApiResult<HttpResponse> {
    state.limit(&caller, Expensive::Statistics)?;
    let MonthlyQuery {
        area_id,
        from,
        to,
        format,
    } = query.into_inner();
    let today = state.clock().today();
    let report = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let (from, to) = (from.as_deref(), to.as_deref());
            public_revenue::monthly_report(tx, &caller, today, area_id.map(Into::into), from, to)
                .await
        }),
    )
    .await?;
    let report = MonthlyReport::from(report);
    if csv_file::wanted(format.as_deref())? {
        let name = "public-revenue-monthly.csv";
        return csv_file::attachment(name, &MonthlyReport::CSV_HEADERS, report.csv_rows());
    }
    Ok(HttpResponse::Ok().json(report))
}
