//! The payment cycles a caller may see.

use linli_domain::ids::ProgrammeId;
use linli_domain::{allowance::CycleStatus, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle},
};

use super::patterns;
use crate::{Caller, Result};

/// Filters of the cycle list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindCycles {
    pub programme_id: Option<ProgrammeId>,
    pub status: Option<CycleStatus>,
}

/// The cycles the caller may see, newest month first.
pub async fn list_cycles(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCycles,
) -> Result<Vec<Cycle>> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::cycles(
        tx,
        &patterns,
        find.programme_id.map(Into::into),
        find.status.map(|s| s.as_str()),
    )
    .await
}
