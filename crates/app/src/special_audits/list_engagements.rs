//! The engagements a caller may see.

use linli_domain::ids::{AuditCampaignId, CompoundId};
use linli_domain::special_audit::EngagementStatus;
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Engagement, EngagementFilter},
};

use super::sight;
use crate::{Caller, Result};

/// Filters of an engagement list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindEngagements {
    pub campaign_id: Option<AuditCampaignId>,
    pub compound_id: Option<CompoundId>,
    pub status: Option<EngagementStatus>,
}

/// The engagements the caller may see — auditors only their firm's — by compound name.
pub async fn list_engagements(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindEngagements,
) -> Result<Vec<Engagement>> {
    let vis = sight(tx, caller).await?;
    let filter = EngagementFilter {
        campaign_id: find.campaign_id.map(Into::into),
        compound_id: find.compound_id.map(Into::into),
        status: find.status.map(|s| s.as_str().to_owned()),
    };
    special_audits::engagements(tx, &vis, &filter).await
}
