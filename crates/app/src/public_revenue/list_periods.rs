//! The months of a ledger.

use linli_domain::ids::CompoundId;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use linli_persistence::{AsyncPgConnection, public_revenue};

use super::readable;
use crate::{Caller, Result};

/// A month of a ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The month's first day.
    pub month: NaiveDate,
    /// When it was closed; open when absent.
    pub closed_at: Option<DateTime<Utc>>,
    pub entry_count: i64,
}

/// The months of a ledger the caller may read — every month with entries or closed —
/// newest first.
pub async fn list_periods(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
) -> Result<Vec<Period>> {
    let compound = readable(tx, caller, compound_id).await?;
    let mut months: BTreeMap<NaiveDate, Period> = BTreeMap::new();
    for (month, entry_count) in public_revenue::month_counts(tx, compound.id).await? {
        months.insert(
            month,
            Period {
                month,
                closed_at: None,
                entry_count,
            },
        );
    }
    for (month, _, closed_at) in public_revenue::periods(tx, compound.id).await? {
        months
            .entry(month)
            .or_insert(Period {
                month,
                closed_at: None,
                entry_count: 0,
            })
            .closed_at = Some(closed_at);
    }
    Ok(months.into_values().rev().collect())
}
