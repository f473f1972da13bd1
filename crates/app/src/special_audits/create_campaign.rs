//! Opening a special audit campaign.

use linli_domain::ids::{AreaId, OrganisationId};
use linli_domain::{
    policy::{Action, Scope},
    special_audit::{CampaignDraft, check_campaign},
};
use linli_persistence::{
    AsyncPgConnection, areas,
    special_audits::{self, Campaign, NewCampaign},
};

use super::{sight, trimmed};
use crate::{Caller, Result, not_found_as_field};

/// A campaign's fields as its manager gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignFields {
    pub name: String,
    pub year: i32,
    /// The area the campaign covers (the district, or a subdistrict).
    pub area_id: AreaId,
    pub budget_fen: i64,
    pub description: Option<String>,
    /// Audit firms (organisations of kind `audit_firm`).
    pub firm_ids: Vec<OrganisationId>,
}

/// Opens a campaign over an area of the caller's with a budget (integer fen) and the audit
/// firms that will take its engagements. Returns the stored campaign.
pub async fn create_campaign(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    fields: CampaignFields,
) -> Result<Campaign> {
    // Authorise.
    let scope = caller.scope(Action::ManageAudits)?;
    // Validate and load.
    let new = checked(tx, &scope, fields).await?;
    // Store, audit and event.
    let id = special_audits::create_campaign(tx, &caller.audit, &new).await?;
    let vis = sight(tx, caller).await?;
    special_audits::campaign(tx, &vis, id).await
}

/// Checks a campaign's fields — name, year, a positive budget, audit firms, an area in
/// `scope` — into the campaign to store.
pub(super) async fn checked(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    fields: CampaignFields,
) -> Result<NewCampaign> {
    let name = fields.name.trim().to_owned();
    let description = trimmed(fields.description);
    let mut firm_ids: Vec<uuid::Uuid> = fields.firm_ids.into_iter().map(Into::into).collect();
    firm_ids.sort_unstable();
    firm_ids.dedup();
    let firms = special_audits::audit_firms_among(tx, &firm_ids).await?;
    check_campaign(&CampaignDraft {
        name: &name,
        year: fields.year,
        budget_fen: fields.budget_fen,
        description: description.as_deref(),
        firms_ok: !firm_ids.is_empty() && firms.len() == firm_ids.len(),
    })?;
    let area = areas::find_in_scope(tx, fields.area_id.into(), scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "area_id",
                "只能在您负责的区域开展专项审计 / choose an area you are responsible for",
            )
        })?;
    Ok(NewCampaign {
        name,
        year: fields.year,
        area_id: area.id,
        area_path: area.path.as_str().to_owned(),
        budget_fen: fields.budget_fen,
        description,
        firm_ids: firm_ids.into_iter().collect(),
    })
}
