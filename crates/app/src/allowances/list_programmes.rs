//! The allowance programmes a caller may see.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Programme},
};

use super::patterns;
use crate::{Caller, Result};

/// The programmes covering the caller's area, by name.
pub async fn list_programmes(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<Vec<Programme>> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::programmes(tx, &patterns).await
}
