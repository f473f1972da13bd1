//! Raising a finding on an engagement.

use linli_domain::ids::{EngagementId, OrganisationId};
use linli_domain::special_audit::{FindingDraft, FindingKind, Severity, check_finding};
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, NewFinding},
};

use super::{
    FindingWithActions, conducts, finding_with_actions, known_organisation, may_conduct, person,
    sight, trimmed,
};
use crate::{Caller, Result};

/// A finding as its auditor writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaiseFinding {
    pub engagement_id: EngagementId,
    pub kind: FindingKind,
    pub title: String,
    pub description: String,
    /// Money at stake.
    pub amount_fen: i64,
    pub severity: Severity,
    /// The organisation answerable for it.
    pub responsible_org_id: Option<OrganisationId>,
    pub evidence: Option<String>,
}

/// Raises a finding on an engagement in fieldwork or draft report, for its firm's auditors
/// or the audit office; announced as `finding.opened`. The person who raises it can never
/// verify its rectification. Returns the finding with its (no) actions.
pub async fn raise_finding(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: RaiseFinding,
) -> Result<FindingWithActions> {
    // Authorise: a person who conducts audits.
    person(caller)?;
    conducts(caller)?;
    // Validate.
    let title = cmd.title.trim().to_owned();
    let description = cmd.description.trim().to_owned();
    let evidence = trimmed(cmd.evidence);
    check_finding(&FindingDraft {
        title: &title,
        description: &description,
        amount_fen: cmd.amount_fen,
        evidence: evidence.as_deref(),
    })?;
    // Load what the caller sees; act only on an engagement the caller conducts.
    let vis = sight(tx, caller).await?;
    let engagement = special_audits::engagement(tx, &vis, cmd.engagement_id.into()).await?;
    may_conduct(tx, caller, &engagement).await?;
    known_organisation(tx, "responsible_org_id", cmd.responsible_org_id).await?;
    // Store, audit and event (the engagement's state is checked under its lock).
    let new = NewFinding {
        engagement_id: engagement.id,
        kind: cmd.kind.as_str().to_owned(),
        title,
        description,
        amount_fen: cmd.amount_fen,
        severity: cmd.severity.as_str().to_owned(),
        responsible_org_id: cmd.responsible_org_id.map(Into::into),
        evidence,
    };
    let id = special_audits::raise_finding(tx, &caller.audit, &vis, &new).await?;
    finding_with_actions(tx, &vis, id.into()).await
}
