//! Closing a month of a ledger (结账).

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::{
    policy::Action,
    public_revenue::{check_closable, month_field},
};
use linli_persistence::{AsyncPgConnection, compounds, public_revenue};

use crate::{Caller, Result};

/// The month to close.
#[derive(Debug, Clone)]
pub struct ClosePeriod {
    pub compound_id: CompoundId,
    /// `YYYY-MM`.
    pub month: String,
}

/// Closes an ended month of the compound's ledger for good (the committee or government
/// staff over the compound): nothing posts into it afterwards. Audited.
pub async fn close_period(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: ClosePeriod,
) -> Result<()> {
    // Authorise.
    let scope = caller.scope(Action::CloseLedgerPeriod)?;
    // Validate.
    let month = month_field("month", &cmd.month)?;
    check_closable(month, today)?;
    // Load.
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope).await?;
    // Store and audit (a month closed before is refused).
    public_revenue::close_period(
        tx,
        &caller.audit,
        compound.id,
        compound.path.as_str(),
        month,
    )
    .await
}
