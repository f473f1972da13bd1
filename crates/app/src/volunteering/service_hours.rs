//! Service hours (服务时长) by group.

use chrono::{Datelike, NaiveDate, NaiveTime};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, HoursRow},
};

use super::{china_instant, viewer};
use crate::{Caller, Result};

/// The ways service hours are grouped.
const GROUPINGS: [&str; 5] = ["person", "team", "compound", "subdistrict", "district"];

/// Grouping and period of the hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindHours {
    /// One of `person`, `team`, `compound`, `subdistrict`, `district` (default).
    pub group_by: Option<String>,
    /// Default the first of January of this year.
    pub from: Option<NaiveDate>,
    /// Default today.
    pub to: Option<NaiveDate>,
    /// Only the caller's own.
    pub mine: bool,
    /// Today, in China.
    pub today: NaiveDate,
}

/// Service hours of each group.
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    pub group_by: String,
    pub rows: Vec<HoursRow>,
}

/// Service minutes by group over a period (China dates, both included): staff of the
/// area see their area's; volunteers, and anyone asking for `mine`, their own.
pub async fn service_hours(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindHours,
) -> Result<Hours> {
    // Authorise.
    let (patterns, person) = match caller.scope(Action::ReadVolunteering) {
        Ok(scope) if !find.mine => (scope_patterns(&scope), None),
        _ => {
            let me = viewer(tx, caller).await?;
            (Vec::new(), Some(me.ok_or(DomainError::Forbidden)?))
        }
    };
    // Validate.
    let group_by = find.group_by.unwrap_or_else(|| "district".into());
    if !GROUPINGS.contains(&group_by.as_str()) {
        return Err(DomainError::field(
            "group_by",
            "须为 person、team、compound、subdistrict 或 district",
        )
        .into());
    }
    let from = find
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(find.today.year(), 1, 1).unwrap_or(find.today));
    let to = find.to.unwrap_or(find.today);
    let start = china_instant(from, NaiveTime::MIN);
    let end = NaiveTime::from_hms_opt(23, 59, 59).and_then(|t| china_instant(to, t));
    let (Some(start), Some(end)) = (start, end) else {
        return Err(DomainError::field("from", "日期无效 / invalid date").into());
    };
    // Load.
    let rows = volunteering::hours(tx, &patterns, person, &group_by, start, end).await?;
    Ok(Hours { group_by, rows })
}
