//! The quarterly feedback to employers (单位反馈).

use chrono::{Datelike, NaiveDate};
use linli_domain::{DomainError, policy::Action, volunteering::parse_quarter};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, EmployerLine},
};

use crate::{Caller, Result};

/// The quarter to report on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindEmployerReport {
    /// `2026Q3`; `None`: the last quarter that has ended.
    pub quarter: Option<String>,
    /// Today, in China.
    pub today: NaiveDate,
}

/// The report of one quarter.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerReport {
    /// `2026Q3`.
    pub quarter: String,
    pub lines: Vec<EmployerLine>,
}

/// The quarter that ended last before `today`, written `2026Q3`.
fn last_quarter(today: NaiveDate) -> String {
    match (today.month() - 1) / 3 {
        0 => format!("{}Q4", today.year() - 1),
        q => format!("{}Q{q}", today.year()),
    }
}

/// Each in-service party member of the caller's area with an employer: where they reported
/// and their verified service in the quarter, sorted by employer.
pub async fn employer_report(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindEmployerReport,
) -> Result<EmployerReport> {
    // Authorise.
    let patterns = scope_patterns(&caller.scope(Action::ReadVolunteering)?);
    // Validate.
    let quarter = find.quarter.unwrap_or_else(|| last_quarter(find.today));
    let (from, to) = parse_quarter(&quarter).ok_or_else(|| {
        DomainError::field("quarter", "季度须写作 2026Q3 / write the quarter as 2026Q3")
    })?;
    // Load.
    let lines = volunteering::employer_report(tx, &patterns, from, to).await?;
    Ok(EmployerReport { quarter, lines })
}
