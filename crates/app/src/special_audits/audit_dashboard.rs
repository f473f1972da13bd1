//! The special audit dashboard.

use linli_domain::ids::AuditCampaignId;
use linli_domain::special_audit::EngagementStatus;
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, AreaFindings},
};

use super::sight;
use crate::{Caller, Result};

/// Budget use, engagements by status, findings per subdistrict and rectification
/// timeliness, over one campaign or all the caller may see.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub campaign_id: Option<AuditCampaignId>,
    pub budget_fen: i64,
    pub committed_fen: i64,
    /// Committed fees as a share of the budget, 0..1 (0 without a budget).
    pub budget_used: f64,
    /// Every status, in life-cycle order, with its count.
    pub engagements_by_status: Vec<(EngagementStatus, i64)>,
    pub findings_by_subdistrict: Vec<AreaFindings>,
    /// Verified actions completed by their deadline, as a share of verified actions.
    pub rectification_on_time_rate: Option<f64>,
    pub rectifications_verified: i64,
    pub rectifications_overdue: i64,
}

/// The dashboard of one visible campaign (404 beyond sight) or of every campaign the
/// caller may see.
pub async fn audit_dashboard(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    campaign_id: Option<AuditCampaignId>,
) -> Result<Dashboard> {
    let vis = sight(tx, caller).await?;
    let (budget_fen, committed_fen) = match campaign_id {
        Some(id) => {
            let c = special_audits::campaign(tx, &vis, id.into()).await?;
            (c.budget_fen, c.committed_fen)
        }
        None => special_audits::campaigns(tx, &vis)
            .await?
            .iter()
            .fold((0, 0), |(b, c), x| (b + x.budget_fen, c + x.committed_fen)),
    };
    let counts =
        special_audits::engagements_by_status(tx, &vis, campaign_id.map(Into::into)).await?;
    let engagements_by_status = EngagementStatus::ALL
        .iter()
        .map(|s| {
            let n = counts
                .iter()
                .find(|(code, _)| code == s.as_str())
                .map_or(0, |(_, n)| *n);
            (*s, n)
        })
        .collect();
    let findings_by_subdistrict =
        special_audits::findings_by_subdistrict(tx, &vis, campaign_id.map(Into::into)).await?;
    let (on_time, verified, overdue) =
        special_audits::rectification_timeliness(tx, &vis, campaign_id.map(Into::into)).await?;
    Ok(Dashboard {
        campaign_id,
        budget_fen,
        committed_fen,
        budget_used: if budget_fen > 0 {
            committed_fen as f64 / budget_fen as f64
        } else {
            0.0
        },
        engagements_by_status,
        findings_by_subdistrict,
        rectification_on_time_rate: (verified > 0).then(|| on_time as f64 / verified as f64),
        rectifications_verified: verified,
        rectifications_overdue: overdue,
    })
}
