//! A volunteer's own picture of their service.

use chrono::{DateTime, Duration, Utc};
use linli_domain::ids::PersonId;
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, CheckIn, Report},
};
use uuid::Uuid;

use super::participant;
use crate::{Caller, Result};

/// What the phone page shows a volunteer.
#[derive(Debug, Clone, PartialEq)]
pub struct MyVolunteering {
    pub person_id: PersonId,
    /// The report requested or confirmed, if any.
    pub report: Option<Report>,
    pub open_check_in: Option<CheckIn>,
    /// All time.
    pub verified_minutes: i64,
    /// All time.
    pub pending_minutes: i64,
    pub leads_teams: Vec<Uuid>,
}

/// The participating caller's active report, open check-in, verified and pending minutes
/// up to `now`, and the teams they lead.
pub async fn my_volunteering(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<MyVolunteering> {
    // Authorise.
    let person = participant(tx, caller).await?;
    // Load.
    let report = volunteering::reports(tx, &[], Some(person), None, 10)
        .await?
        .into_iter()
        .find(|r| {
            matches!(
                r.status(),
                linli_domain::volunteering::ReportStatus::Requested
                    | linli_domain::volunteering::ReportStatus::Confirmed
            )
        });
    let open_check_in = volunteering::open_check_in(tx, person).await?;
    let totals = volunteering::hours(
        tx,
        &[],
        Some(person),
        "person",
        now - Duration::days(36_500),
        now,
    )
    .await?;
    let (verified_minutes, pending_minutes) = totals
        .first()
        .map_or((0, 0), |t| (t.verified_minutes, t.pending_minutes));
    Ok(MyVolunteering {
        person_id: person.into(),
        report,
        open_check_in,
        verified_minutes,
        pending_minutes,
        leads_teams: volunteering::teams_led(tx, person).await?,
    })
}
