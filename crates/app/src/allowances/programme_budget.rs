//! A programme-year's budget.

use linli_domain::ids::ProgrammeId;
use linli_domain::policy::Action;
use linli_persistence::{AsyncPgConnection, allowances};

use super::patterns;
use crate::{Caller, Result};

/// A programme-year's money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub programme_id: ProgrammeId,
    pub year: i32,
    pub budget_fen: i64,
    /// Included lines of approved and later cycles, except failed transfers.
    pub committed_fen: i64,
    /// Transfers the bank confirmed.
    pub paid_fen: i64,
}

/// The budget of a programme the caller may see, in `year`.
pub async fn programme_budget(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: ProgrammeId,
    year: i32,
) -> Result<Budget> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    let p = allowances::programme(tx, &patterns, id.into()).await?;
    let (committed_fen, paid_fen) = allowances::budget_use(tx, p.id, year).await?;
    Ok(Budget {
        programme_id: p.id.into(),
        year,
        budget_fen: p.annual_budget_fen,
        committed_fen,
        paid_fen,
    })
}
