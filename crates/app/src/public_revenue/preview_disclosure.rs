//! What a disclosure would show (公示预览).

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::{
    policy::Action,
    public_revenue::{Summary, disclosed_months, last_day, summarise},
};
use linli_persistence::{
    AsyncPgConnection,
    compounds::{self, Compound},
    public_revenue,
};

use crate::{Caller, Result};

/// The figures of a compound's public revenue over ended months, computed from the
/// ledger now.
#[derive(Debug, Clone)]
pub struct Preview {
    pub compound: Compound,
    /// The first month.
    pub from: NaiveDate,
    /// The last month.
    pub to: NaiveDate,
    pub summary: Summary,
}

/// What a disclosure of the months `from`..=`to` (`YYYY-MM`, ended) would show, for those
/// who may publish it; nothing is stored.
pub async fn preview_disclosure(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    compound_id: CompoundId,
    from: &str,
    to: &str,
) -> Result<Preview> {
    // Authorise and load.
    let scope = caller.scope(Action::PublishDisclosures)?;
    let compound = compounds::find_in_scope(tx, compound_id.into(), &scope).await?;
    // Validate and compute.
    summary_of(tx, compound, from, to, today).await
}

/// The disclosure figures of `compound` for the months `from`..=`to`, both ended.
pub(super) async fn summary_of(
    tx: &mut AsyncPgConnection,
    compound: Compound,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<Preview> {
    let (first, last) = disclosed_months(from, to, today)?;
    let end = last_day(last);
    let period = public_revenue::movements(tx, &[compound.id], Some(first), Some(end)).await?;
    let to_date = public_revenue::movements(tx, &[compound.id], None, Some(end)).await?;
    Ok(Preview {
        compound,
        from: first,
        to: last,
        summary: summarise(&period, &to_date),
    })
}
