use actix_web::{get, web};
use chrono::Duration;
use linli_persistence::volunteering;

use super::participant;
use crate::{
    auth::Caller,
    dto::volunteering::{CheckInView, MyVolunteering, ReportView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// The signed-in volunteer's own picture for the phone page: active report, open check-in,
/// verified and pending minutes (all time), teams they lead.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), responses(
    (status = 200, description = "Your team, hours and upcoming activities", body = MyVolunteering),
))]
#[get("/me/volunteering")]
pub async fn my_volunteering(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<MyVolunteering>> {
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let report = volunteering::reports(&mut conn, &[], Some(person), None, 10)
        .await?
        .into_iter()
        .find(|r| matches!(r.status.as_str(), "requested" | "confirmed"));
    let open = volunteering::open_check_in(&mut conn, person).await?;
    let now = state.clock().now();
    let totals = volunteering::hours(
        &mut conn,
        &[],
        Some(person),
        "person",
        now - Duration::days(36_500),
        now,
    )
    .await?;
    let (verified, pending) = totals
        .first()
        .map_or((0, 0), |t| (t.verified_minutes, t.pending_minutes));
    Ok(web::Json(MyVolunteering {
        person_id: person,
        report: report.map(ReportView::from),
        open_check_in: open.map(CheckInView::from),
        verified_minutes: verified,
        pending_minutes: pending,
        leads_teams: volunteering::teams_led(&mut conn, person).await?,
    }))
}
