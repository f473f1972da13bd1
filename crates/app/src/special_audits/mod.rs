//! Special audits of public revenue (专项审计): campaigns with a budget, one engagement per
//! compound with an audit firm, findings and their rectification (整改), and the dashboard.
//!
//! Staff, secretaries and committees see the audits of their area; an audit firm's
//! auditors see only their firm's engagements. The firm's auditors or the audit office
//! (`audits.manage` over the compound) carry an engagement out.

mod add_rectification;
mod audit_dashboard;
mod complete_rectification;
mod create_campaign;
mod create_engagement;
mod get_campaign;
mod get_engagement;
mod get_finding;
mod list_campaigns;
mod list_engagements;
mod list_findings;
mod raise_finding;
mod set_engagement_fee;
mod transition_engagement;
mod update_campaign;
mod verify_rectification;

pub use add_rectification::{AddRectification, add_rectification};
pub use audit_dashboard::{Dashboard, audit_dashboard};
pub use complete_rectification::{CompleteRectification, complete_rectification};
pub use create_campaign::{CampaignFields, create_campaign};
pub use create_engagement::{CreateEngagement, create_engagement};
pub use get_campaign::get_campaign;
pub use get_engagement::get_engagement;
pub use get_finding::get_finding;
pub use list_campaigns::list_campaigns;
pub use list_engagements::{FindEngagements, list_engagements};
pub use list_findings::{FindFindings, list_findings};
pub use raise_finding::{RaiseFinding, raise_finding};
pub use set_engagement_fee::{SetEngagementFee, set_engagement_fee};
pub use transition_engagement::{TransitionEngagement, transition_engagement};
pub use update_campaign::{UpdateCampaign, update_campaign};
pub use verify_rectification::{VerifyRectification, verify_rectification};

use linli_domain::ids::{FindingId, OrganisationId};
use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::organisations,
    special_audits::{self, AuditVisibility, Campaign, Engagement, Finding, Rectification},
};
use uuid::Uuid;

use crate::{
    Caller, Result,
    access::{Owned, organisations_of},
    not_found_as_field,
};

/// A finding with its rectification actions.
#[derive(Debug, Clone)]
pub struct FindingWithActions {
    pub finding: Finding,
    pub rectifications: Vec<Rectification>,
}

impl Owned for Campaign {
    /// The campaign's area: its budget is that area's.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

impl Owned for Engagement {
    /// The audited compound.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

/// `Forbidden` unless the caller has a part in special audits: following them in an area,
/// running them, or working for an audit firm.
fn takes_part(caller: &Caller) -> Result<()> {
    if [Action::ReadAudits, Action::ManageAudits, Action::WorkAudits]
        .into_iter()
        .any(|a| caller.may(a))
    {
        Ok(())
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// `Forbidden` unless the caller may carry engagements out somewhere: an audit firm's
/// auditor or the audit office.
fn conducts(caller: &Caller) -> Result<()> {
    if caller.may(Action::ManageAudits) || caller.may(Action::WorkAudits) {
        Ok(())
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// The signed-in person's id; a system's key is refused (the audit trail names people).
fn person(caller: &Caller) -> Result<Uuid> {
    caller.person().ok_or_else(|| {
        DomainError::Refused {
            code: "api_key_not_allowed",
            detail: "此接口仅供登录用户使用，不接受 API 密钥 / this route is for signed-in people, not API keys".into(),
        }
        .into()
    })
}

/// What the caller may see of special audits: staff and committees by area, auditors by
/// their firm. `Forbidden` for callers who have no part in audits.
pub async fn sight(tx: &mut AsyncPgConnection, caller: &Caller) -> Result<AuditVisibility> {
    takes_part(caller)?;
    let mut patterns = Vec::new();
    for action in [Action::ReadAudits, Action::ManageAudits] {
        if let Ok(scope) = caller.scope(action) {
            patterns.extend(scope_patterns(&scope));
        }
    }
    let firms = if caller.may(Action::WorkAudits) {
        organisations_of(tx, caller).await?
    } else {
        Vec::new()
    };
    Ok(AuditVisibility { patterns, firms })
}

/// `Forbidden` unless the caller may carry the engagement out (its firm's auditors) or run
/// it (the audit office over its compound).
async fn may_conduct(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    engagement: &Engagement,
) -> Result<()> {
    let manages = caller
        .scope(Action::ManageAudits)
        .is_ok_and(|s| s.may_change(&engagement.owners()).is_ok());
    if manages
        || (caller.may(Action::WorkAudits)
            && organisations_of(tx, caller)
                .await?
                .contains(&engagement.firm_id))
    {
        Ok(())
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// A field naming an organisation (the finding's responsible organisation, an action's
/// owner) must name one that exists, in scope or not.
async fn known_organisation(
    tx: &mut AsyncPgConnection,
    field: &str,
    id: Option<OrganisationId>,
) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    organisations::find_visible(tx, &["%".to_owned()], id.uuid())
        .await
        .map_err(|e| not_found_as_field(e, field, "没有这个组织 / no such organisation"))?;
    Ok(())
}

/// Findings with their rectification actions.
async fn with_actions(
    tx: &mut AsyncPgConnection,
    findings: Vec<Finding>,
) -> Result<Vec<FindingWithActions>> {
    let ids: Vec<Uuid> = findings.iter().map(|f| f.id).collect();
    let mut actions = special_audits::rectifications_of(tx, &ids).await?;
    Ok(findings
        .into_iter()
        .map(|finding| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                actions.drain(..).partition(|r| r.finding_id == finding.id);
            actions = rest;
            FindingWithActions {
                finding,
                rectifications: mine,
            }
        })
        .collect())
}

/// One visible finding with its actions.
async fn finding_with_actions(
    tx: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: FindingId,
) -> Result<FindingWithActions> {
    let f = special_audits::finding(tx, vis, id.uuid()).await?;
    with_actions(tx, vec![f])
        .await?
        .pop()
        .ok_or_else(|| DomainError::NotFound("audit finding").into())
}

/// Trimmed optional text; blank is none.
fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}
