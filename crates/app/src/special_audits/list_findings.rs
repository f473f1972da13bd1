//! The findings a caller may see.

use linli_domain::ids::{AuditCampaignId, EngagementId};
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, FindingFilter},
};

use super::{FindingWithActions, sight, with_actions};
use crate::{Caller, Result};

/// Filters of a findings list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindFindings {
    pub engagement_id: Option<EngagementId>,
    pub campaign_id: Option<AuditCampaignId>,
    /// `open` or `closed`.
    pub status: Option<String>,
    /// Only findings with an overdue rectification action.
    pub overdue: bool,
}

/// The findings the caller may see with their rectification actions, newest first.
pub async fn list_findings(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindFindings,
) -> Result<Vec<FindingWithActions>> {
    let vis = sight(tx, caller).await?;
    let filter = FindingFilter {
        engagement_id: find.engagement_id.map(Into::into),
        campaign_id: find.campaign_id.map(Into::into),
        status: find.status,
        overdue: find.overdue,
    };
    let findings = special_audits::findings(tx, &vis, &filter).await?;
    with_actions(tx, findings).await
}
