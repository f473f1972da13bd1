//! One allowance programme.

use linli_domain::ids::ProgrammeId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Programme},
};

use super::patterns;
use crate::{Caller, Result};

/// One programme the caller may see.
pub async fn find_programme(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: ProgrammeId,
) -> Result<Programme> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::programme(tx, &patterns, id.into()).await
}
