//! Changing an allowance programme.

use linli_domain::ids::ProgrammeId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Programme},
};

use super::{ProgrammeTerms, create_programme::drafted, patterns, require_over};
use crate::{Caller, Result};

/// New terms for a programme (its area stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateProgramme {
    pub programme_id: ProgrammeId,
    pub terms: ProgrammeTerms,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Changes a programme the caller manages over its whole area. Cycles already generated
/// keep their amounts. Returns the stored programme.
pub async fn update_programme(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: UpdateProgramme,
) -> Result<Programme> {
    // Authorise.
    let scope = caller.scope(Action::ManageAllowances)?;
    let patterns = patterns(caller, Action::ReadAllowances)?;
    // Load, and check the caller's scope over the programme's area.
    let current = allowances::programme(tx, &patterns, cmd.programme_id.into()).await?;
    require_over(caller, Action::ManageAllowances, &current)?;
    // Validate.
    if cmd.terms.area_id != current.area_id.into() {
        return Err(DomainError::field(
            "area_id",
            "津贴项目的区域不能修改 / the area cannot change",
        )
        .into());
    }
    let draft = drafted(tx, &scope, cmd.terms).await?;
    // Store and audit.
    allowances::update_programme(tx, &caller.audit, &current, cmd.expected_version, &draft).await?;
    allowances::programme(tx, &patterns, current.id).await
}
