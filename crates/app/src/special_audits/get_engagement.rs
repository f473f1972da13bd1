//! One engagement.

use linli_domain::ids::EngagementId;
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Engagement},
};

use super::sight;
use crate::{Caller, Result};

/// An engagement the caller may see (404 beyond sight; auditors see only their firm's).
pub async fn get_engagement(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    engagement_id: EngagementId,
) -> Result<Engagement> {
    let vis = sight(tx, caller).await?;
    special_audits::engagement(tx, &vis, engagement_id.into()).await
}
