use actix_web::{get, web};
use chrono::Datelike;
use linli_persistence::complaints;

use crate::{
    auth::Caller,
    dto::complaint::{CalendarDayView, CalendarQuery},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Public holidays and make-up working days of a year (default: this year). Weekdays are
/// working days and weekends are not, unless listed here.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(CalendarQuery), responses(
    (status = 200, body = Vec<CalendarDayView>),
))]
#[get("/calendar-days")]
pub async fn list_calendar_days(
    state: web::Data<AppState>,
    _caller: Caller,
    query: web::Query<CalendarQuery>,
) -> ApiResult<web::Json<Vec<CalendarDayView>>> {
    let year = query.year.unwrap_or_else(|| chrono::Utc::now().year());
    let mut conn = state.db.conn().await?;
    let days = complaints::calendar_days(&mut conn, year).await?;
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
