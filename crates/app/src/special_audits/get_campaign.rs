//! One campaign.

use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Campaign},
};
use uuid::Uuid;

use super::sight;
use crate::{Caller, Result};

/// A campaign the caller may see (404 beyond sight), with its budget use.
pub async fn get_campaign(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    campaign_id: Uuid,
) -> Result<Campaign> {
    let vis = sight(tx, caller).await?;
    special_audits::campaign(tx, &vis, campaign_id).await
}
