//! Public revenue rolled up by area.

use chrono::{Datelike, NaiveDate};
use linli_domain::ids::AreaId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, scope_patterns},
    public_revenue::{self, AreaTotals},
};

use crate::{Caller, Result};

/// Which area's children and which days.
#[derive(Debug, Clone, Default)]
pub struct Rollup {
    /// The area whose children are listed; the top of the caller's scope when absent.
    pub area_id: Option<AreaId>,
    /// Default: the first day of this year.
    pub from: Option<NaiveDate>,
    /// Default: today.
    pub to: Option<NaiveDate>,
}

/// Public revenue of an area's children.
#[derive(Debug, Clone)]
pub struct RollupReport {
    pub area_id: AreaId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub items: Vec<AreaTotals>,
}

/// Public revenue rolled up by the children of an area in the caller's `ledger.read`
/// scope: the district by subdistrict, a subdistrict by community, a community by
/// compound.
pub async fn rollup_report(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: Rollup,
) -> Result<RollupReport> {
    // Authorise.
    let scope = caller.scope(Action::ReadLedger)?;
    // Validate.
    let from = cmd
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = cmd.to.unwrap_or(today);
    if from > to {
        return Err(DomainError::field(
            "from",
            "开始日期不能晚于结束日期 / from must not be after to",
        )
        .into());
    }
    // Load.
    let area_id = match cmd.area_id {
        Some(id) => id,
        None => scope
            .roots()
            .first()
            .and_then(|root| root.ids().last().copied())
            .ok_or(DomainError::NotFound("area"))?
            .into(),
    };
    let area = areas::find_in_scope(tx, area_id.into(), &scope).await?;
    let items =
        public_revenue::by_child_area(tx, &scope_patterns(&scope), area.id, from, to).await?;
    Ok(RollupReport {
        area_id: area.id.into(),
        from,
        to,
        items,
    })
}
