use actix_web::{get, web};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use linli_domain::{calendar::china, policy::Action, volunteering::REPORTING_TARGET};
use linli_persistence::{areas::scope_patterns, volunteering};

use crate::{
    auth::Caller,
    dto::volunteering::{HoursView, MonthHours, VolunteeringStats},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// The volunteering dashboard: reported members against the district's 13,000 in-service
/// party members, active volunteers, open check-ins, hours awaiting verification, verified
/// hours by month and the top teams of the year.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), responses(
    (status = 200, description = "The volunteering stats", body = VolunteeringStats),
))]
#[get("/stats/volunteering")]
pub async fn volunteering_stats(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<VolunteeringStats>> {
    let patterns = scope_patterns(&caller.scope(Action::ReadVolunteering)?);
    let now = state.clock().now();
    let mut conn = state.db.conn().await?;
    let f = volunteering::figures(&mut conn, &patterns, now).await?;
    let months =
        volunteering::hours_by_month(&mut conn, &patterns, now - Duration::days(366)).await?;
    let today = state.clock().today();
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(china()).single())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now);
    let teams = volunteering::hours(&mut conn, &patterns, None, "team", year_start, now).await?;
    Ok(web::Json(VolunteeringStats {
        reported_members: f.reported_members,
        reporting_target: REPORTING_TARGET,
        pending_reports: f.pending_reports,
        active_volunteers: f.active_volunteers,
        open_check_ins: f.open_check_ins,
        awaiting_verification: f.awaiting_verification,
        hours_by_month: months
            .into_iter()
            .map(|(month, verified_minutes)| MonthHours {
                month,
                verified_minutes,
            })
            .collect(),
        top_teams: teams
            .into_iter()
            .filter(|t| !t.key.is_empty())
            .take(10)
            .map(HoursView::from)
            .collect(),
    }))
}
