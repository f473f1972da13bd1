//! The findings a caller may see.

use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, FindingFilter},
};
use uuid::Uuid;

use super::{FindingWithActions, sight, with_actions};
use crate::{Caller, Result};

/// Filters of a findings list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindFindings {
    pub engagement_id: Option<Uuid>,
    pub campaign_id: Option<Uuid>,
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
        engagement_id: find.engagement_id,
        campaign_id: find.campaign_id,
        status: find.status,
        overdue: find.overdue,
    };
    let findings = special_audits::findings(tx, &vis, &filter).await?;
    with_actions(tx, findings).await
}
