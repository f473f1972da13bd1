//! Reporting a rectification action done.

use linli_domain::ids::RectificationId;
use linli_domain::{DomainError, area::AreaPath, policy::Action, special_audit::check_completion};
use linli_persistence::{AsyncPgConnection, special_audits};

use super::{FindingWithActions, finding_with_actions, person, sight, takes_part};
use crate::{Caller, Result};

/// What was done about an action, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompleteRectification {
    pub rectification_id: RectificationId,
    pub evidence: String,
}

/// Reports an action done, with evidence: the compound's committee, property company or
/// secretary (`audits.rectify` over the finding's compound) or a member of the action's
/// owner (else of the finding's responsible organisation). Returns the finding with its
/// actions.
pub async fn complete_rectification(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CompleteRectification,
) -> Result<FindingWithActions> {
    // Authorise: a person with a part in audits.
    person(caller)?;
    takes_part(caller)?;
    // Validate.
    let evidence = cmd.evidence.trim().to_owned();
    check_completion(&evidence)?;
    // Load what the caller sees; act only where the caller answers for it.
    let vis = sight(tx, caller).await?;
    let (r, f) = special_audits::rectification(tx, &vis, cmd.rectification_id.into()).await?;
    let in_area = caller
        .scope(Action::RectifyFindings)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(f.area_path.clone())));
    let owner = match r.owner_org_id.or(f.responsible_org_id) {
        Some(org) => crate::access::organisations_of(tx, caller)
            .await?
            .contains(&org),
        None => false,
    };
    if !in_area && !owner {
        return Err(DomainError::Forbidden.into());
    }
    // Store, audit and event.
    special_audits::complete_rectification(tx, &caller.audit, &r, &f, &evidence).await?;
    finding_with_actions(tx, &vis, f.id.into()).await
}
