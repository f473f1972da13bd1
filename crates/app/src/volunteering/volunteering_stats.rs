//! The volunteering dashboard.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Figures, HoursRow},
};

use super::china_instant;
use crate::{Caller, Result};

/// The dashboard of the caller's area.
#[derive(Debug, Clone, PartialEq)]
pub struct VolunteeringStats {
    pub figures: Figures,
    /// Verified minutes per month (`YYYY-MM`) over the last year.
    pub hours_by_month: Vec<(String, i64)>,
    /// The ten teams with the most verified minutes this year.
    pub top_teams: Vec<HoursRow>,
}

/// Reports, active volunteers, open check-ins and hours awaiting verification in the
/// caller's area, verified hours by month and the top teams of the year, as of `now`.
pub async fn volunteering_stats(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Result<VolunteeringStats> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::ReadVolunteering)?);
    // Load.
    let figures = volunteering::figures(tx, &patterns, now).await?;
    let hours_by_month =
        volunteering::hours_by_month(tx, &patterns, now - Duration::days(366)).await?;
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1)
        .and_then(|d| china_instant(d, NaiveTime::MIN))
        .unwrap_or(now);
    let teams = volunteering::hours(tx, &patterns, None, "team", year_start, now).await?;
    Ok(VolunteeringStats {
        figures,
        hours_by_month,
        top_teams: teams
            .into_iter()
            .filter(|t| !t.key.is_empty())
            .take(10)
            .collect(),
    })
}
