use crate::handlers::prelude::*;
use chrono::Datelike;
use linli_app::complaints::calendar_days;

use crate::dto::complaint::{CalendarDayView, CalendarQuery};

/// Public holidays and make-up working days of a year (default: this year). Weekdays are
/// working days and weekends are not, unless listed here.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(CalendarQuery), responses(
    (status = 200, description = "The calendar days", body = Vec<CalendarDayView>),
    (status = 422, description = "`year` outside 2000 to 2100", body = Problem, content_type = "application/problem+json"),
))]
#[get("/calendar-days")]
pub async fn list_calendar_days(
    state: web::Data<AppState>,
    _caller: Caller,
    query: web::Query<CalendarQuery>,
) -> ApiResult<web::Json<Vec<CalendarDayView>>> {
    let year = query.year.unwrap_or_else(|| state.clock().now().year());
    let days = on_connection(&state.db, with_tx!(|tx| calendar_days(tx, year).await)).await?;
    Ok(web::Json(
        days.into_iter()
            .map(|d| CalendarDayView {
                day: d.day,
                kind: d.kind,
                note: d.note,
            })
            .collect(),
    ))
}
