//! One campaign.

use linli_domain::ids::AuditCampaignId;
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Campaign},
};

use super::sight;
use crate::{Caller, Result};

/// A campaign the caller may see (404 beyond sight), with its budget use.
pub async fn get_campaign(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    campaign_id: AuditCampaignId,
) -> Result<Campaign> {
    let vis = sight(tx, caller).await?;
    special_audits::campaign(tx, &vis, campaign_id.into()).await
}
