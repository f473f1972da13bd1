//! Adding a compound to a campaign.

use chrono::NaiveDate;
use linli_domain::ids::{AuditCampaignId, CompoundId, OrganisationId};
use linli_domain::{
    DomainError,
    area::AreaPath,
    policy::Action,
    special_audit::{EngagementDraft, check_engagement},
};
use linli_persistence::{
    AsyncPgConnection, compounds,
    special_audits::{self, Engagement, NewEngagement},
};

use super::sight;
use crate::{Caller, Result, access::for_write, not_found_as_field};

/// An engagement as the audit office describes it: one compound, one of the campaign's
/// firms, a fee, a scope and the period audited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateEngagement {
    pub campaign_id: AuditCampaignId,
    pub compound_id: CompoundId,
    pub firm_id: OrganisationId,
    pub fee_fen: i64,
    pub scope: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
}

/// Adds a compound of the caller's area to a campaign the caller runs, with one of its
/// firms and a fee; the sum of fees never exceeds the campaign's budget (the database
/// checks it under the campaign's lock). Returns the stored engagement.
pub async fn create_engagement(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CreateEngagement,
) -> Result<Engagement> {
    // Authorise.
    let scope = caller.scope(Action::ManageAudits)?;
    // Validate.
    let scope_text = cmd.scope.trim().to_owned();
    check_engagement(&EngagementDraft {
        scope: &scope_text,
        fee_fen: cmd.fee_fen,
        period_from: cmd.period_from,
        period_to: cmd.period_to,
    })?;
    // Load: the campaign as the caller sees it, changed only by those who own it; the
    // compound, in the caller's area and the campaign's.
    let vis = sight(tx, caller).await?;
    let campaign = special_audits::campaign(tx, &vis, cmd.campaign_id.into()).await?;
    let campaign = for_write(&scope, campaign)?;
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "compound_id",
                "只能选择您负责区域内的小区 / choose a compound in your area",
            )
        })?;
    if !compound
        .path
        .is_within(&AreaPath::from_stored(campaign.area_path.clone()))
    {
        return Err(DomainError::field(
            "compound_id",
            "该小区不在本次专项审计的区域内 / the compound lies outside the campaign's area",
        )
        .into());
    }
    if !campaign.firm_ids.contains(&cmd.firm_id.uuid()) {
        return Err(DomainError::field(
            "firm_id",
            "请选择参与本次专项审计的审计机构 / choose one of the campaign's audit firms",
        )
        .into());
    }
    // Store, audit and event.
    let new = NewEngagement {
        campaign_id: campaign.id,
        compound_id: compound.id,
        area_path: compound.path.as_str().to_owned(),
        firm_id: cmd.firm_id.into(),
        fee_fen: cmd.fee_fen,
        scope: scope_text,
        period_from: cmd.period_from,
        period_to: cmd.period_to,
    };
    let id = special_audits::create_engagement(tx, &caller.audit, &new).await?;
    special_audits::engagement(tx, &vis, id).await
}
