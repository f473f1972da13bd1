//! Changing a campaign.

use linli_domain::ids::AuditCampaignId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Campaign},
};

use super::{CampaignFields, create_campaign::checked, sight};
use crate::{Caller, Result, access::for_write};

/// New fields for a campaign, against the version the caller read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateCampaign {
    pub campaign_id: AuditCampaignId,
    pub fields: CampaignFields,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Changes a campaign's name, budget, description or firms; the year and area stay, the
/// budget cannot drop below the fees already assigned and firms with engagements stay.
/// Only the audit office over the campaign's area may. Returns the stored campaign.
pub async fn update_campaign(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: UpdateCampaign,
) -> Result<Campaign> {
    // Authorise.
    let scope = caller.scope(Action::ManageAudits)?;
    // Load what the caller sees; change only what the caller owns.
    let vis = sight(tx, caller).await?;
    let current = special_audits::campaign(tx, &vis, cmd.campaign_id.into()).await?;
    let current = for_write(&scope, current)?;
    // Validate.
    if cmd.fields.year != current.year || cmd.fields.area_id != current.area_id.into() {
        return Err(DomainError::field(
            "year",
            "年度和区域不能修改 / the year and area cannot change",
        )
        .into());
    }
    let new = checked(tx, &scope, cmd.fields).await?;
    // Store, audit and event.
    special_audits::update_campaign(tx, &caller.audit, &current, cmd.expected_version, &new)
        .await?;
    special_audits::campaign(tx, &vis, current.id).await
}
