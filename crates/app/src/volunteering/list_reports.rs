//! Reports (报到) to compounds.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, Report},
};

use super::{patterns_for, viewer};
use crate::{Caller, Result};

/// The most reports one list holds.
const MAX_REPORTS: i64 = 500;

/// Reports of the caller's area (secretaries and staff) and the caller's own, optionally
/// of one status (`requested`: the confirmation queue).
pub async fn list_reports(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    status: Option<String>,
) -> Result<Vec<Report>> {
    // Authorise.
    let patterns = patterns_for(caller, Action::ReadVolunteering);
    if patterns.is_empty() {
        caller.scope(Action::Participate)?;
    }
    // Load.
    let me = viewer(tx, caller).await?;
    volunteering::reports(tx, &patterns, me, status.as_deref(), MAX_REPORTS).await
}
