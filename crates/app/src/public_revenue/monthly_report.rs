//! Monthly public revenue by category.

use chrono::NaiveDate;
use linli_domain::ids::AreaId;
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{last_day, report_months},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, scope_patterns},
    public_revenue::{self, MonthlyRow},
};

use super::readable;
use crate::{Caller, Result};

/// Monthly income and spending by category over a range of months.
#[derive(Debug, Clone)]
pub struct MonthlyReport {
    /// The first month.
    pub from: NaiveDate,
    /// The last month.
    pub to: NaiveDate,
    pub rows: Vec<MonthlyRow>,
}

/// Monthly income and spending by category for a compound or rolled up over an area (the
/// caller's whole scope when `area_id` is absent), over `from`..=`to` (`YYYY-MM`; by
/// default the twelve months up to this one; at most 36). Auditors read one compound of
/// their engagements (`area_id` = that compound).
pub async fn monthly_report(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    area_id: Option<AreaId>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<MonthlyReport> {
    // Authorise.
    let scope = match (caller.scope(Action::ReadLedger), area_id) {
        (Ok(scope), _) => Some(scope),
        (Err(_), Some(_)) if caller.may(Action::WorkAudits) => None,
        (Err(e), _) => return Err(e.into()),
    };
    // Validate.
    let (from, to) = report_months(from, to, today)?;
    // Load.
    let patterns = match (area_id, &scope) {
        (Some(area_id), Some(scope)) => {
            let area = areas::find_in_scope(tx, area_id.into(), scope).await?;
            vec![format!("{}%", area.path.as_str())]
        }
        (Some(area_id), None) => {
            let compound = readable(tx, caller, area_id.as_compound()).await?;
            vec![format!("{}%", compound.path.as_str())]
        }
        (None, Some(scope)) => scope_patterns(scope),
        (None, None) => return Err(DomainError::Forbidden.into()),
    };
    let rows = public_revenue::monthly(tx, &patterns, from, last_day(to)).await?;
    Ok(MonthlyReport { from, to, rows })
}
