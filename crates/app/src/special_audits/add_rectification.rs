//! Agreeing a rectification action on a finding.

use chrono::NaiveDate;
use linli_domain::ids::{FindingId, OrganisationId};
use linli_domain::special_audit::check_action;
use linli_persistence::{AsyncPgConnection, special_audits};

use super::{
    FindingWithActions, conducts, finding_with_actions, known_organisation, may_conduct, sight,
};
use crate::{Caller, Result};

/// A rectification action (整改措施): what must be done, by whom, by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddRectification {
    pub finding_id: FindingId,
    pub action: String,
    pub owner_org_id: Option<OrganisationId>,
    pub deadline: NaiveDate,
}

/// Agrees a rectification action on an open finding, for the engagement's firm's auditors
/// or the audit office. Returns the finding with its actions.
pub async fn add_rectification(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: AddRectification,
) -> Result<FindingWithActions> {
    // Authorise.
    conducts(caller)?;
    // Validate.
    let action = cmd.action.trim().to_owned();
    check_action(&action)?;
    // Load what the caller sees; act only on an engagement the caller conducts.
    let vis = sight(tx, caller).await?;
    let finding = special_audits::finding(tx, &vis, cmd.finding_id.into()).await?;
    let engagement = special_audits::engagement(tx, &vis, finding.engagement_id).await?;
    may_conduct(tx, caller, &engagement).await?;
    known_organisation(tx, "owner_org_id", cmd.owner_org_id).await?;
    // Store, audit and event.
    special_audits::add_rectification(
        tx,
        &caller.audit,
        &finding,
        &action,
        cmd.owner_org_id.map(Into::into),
        cmd.deadline,
    )
    .await?;
    finding_with_actions(tx, &vis, finding.id.into()).await
}
