//! Figures over the caller's area: complaints by group, compounds by governance mode, the
//! registry's indicators, the party share of owners' committees.

use chrono::{DateTime, Utc};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    complaint_stats::{self, GroupStats, StatsGroup},
    registry::indicators::{self, CommitteeShare, Indicators},
    stats::{self, ModeCounts},
};
use uuid::Uuid;

use crate::{Caller, Result};

/// Complaint figures of the caller's area grouped by `group_by` (`subdistrict` by default,
/// `compound`, `category`, `handler`), for complaints filed from `from` to `to`; with
/// whether all-time figures are estimates from the rollup.
pub async fn complaint_stats(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    group_by: Option<&str>,
    (from, to): (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
) -> Result<(Vec<GroupStats>, bool)> {
    let scope = caller.scope(Action::ReadComplaints)?;
    let group = match group_by.unwrap_or("subdistrict") {
        "subdistrict" => StatsGroup::Subdistrict,
        "compound" => StatsGroup::Compound,
        "category" => StatsGroup::Category,
        "handler" => StatsGroup::Handler,
        _ => {
            return Err(DomainError::field(
                "group_by",
                "分组须为 subdistrict、compound、category 或 handler / group by subdistrict, compound, category or handler",
            )
            .into());
        }
    };
    complaint_stats::stats(tx, &scope, group, from, to).await
}

/// How many compounds of each governance mode each subdistrict of the caller's area has.
pub async fn compounds_by_mode(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<Vec<ModeCounts>> {
    let scope = caller.scope(Action::ReadStats)?;
    stats::compounds_by_mode(tx, &scope).await
}

/// The registry's indicators per subdistrict of the caller's area, and their totals.
pub async fn registry_indicators(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<(Vec<Indicators>, Indicators)> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let patterns = scope_patterns(&scope);
    let items = indicators::indicators(tx, &patterns, false).await?;
    let totals = indicators::indicators(tx, &patterns, true)
        .await?
        .into_iter()
        .next()
        .ok_or(DomainError::NotFound("compounds"))?;
    Ok((items, totals))
}

/// Up to `limit` owners' committees of the caller's area by name after `after` (name, id),
/// with how many of their members are party members.
pub async fn owners_committees(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> Result<Vec<CommitteeShare>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    indicators::owners_committees(tx, &scope_patterns(&scope), after, limit).await
}
