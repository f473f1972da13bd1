//! Moving an engagement along its life cycle.

use linli_domain::ids::EngagementId;
use linli_domain::special_audit::{EngagementStatus, Opinion, check_report_summary};
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Engagement, Step},
};

use super::{conducts, may_conduct, sight, trimmed};
use crate::{Caller, Result};

/// One move of an engagement, against the version the caller read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionEngagement {
    pub engagement_id: EngagementId,
    pub to: EngagementStatus,
    /// Required to issue the final report.
    pub opinion: Option<Opinion>,
    pub report_summary: Option<String>,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Moves an engagement along `planned -> fieldwork -> draft_report -> final_report ->
/// rectification -> closed` for its firm's auditors or the audit office over its compound;
/// the state machine (`special_audit::check_transition`) is re-checked under the row lock.
/// Returns the stored engagement.
pub async fn transition_engagement(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: TransitionEngagement,
) -> Result<Engagement> {
    // Authorise.
    conducts(caller)?;
    // Validate.
    let summary = trimmed(cmd.report_summary);
    check_report_summary(summary.as_deref())?;
    // Load what the caller sees; act only on an engagement the caller conducts.
    let vis = sight(tx, caller).await?;
    let current = special_audits::engagement(tx, &vis, cmd.engagement_id.into()).await?;
    may_conduct(tx, caller, &current).await?;
    // Decide, store, audit and event.
    special_audits::transition(
        tx,
        &caller.audit,
        &vis,
        current.id,
        Some(cmd.expected_version),
        &Step {
            to: cmd.to,
            opinion: cmd.opinion,
            report_summary: summary,
        },
    )
    .await?;
    special_audits::engagement(tx, &vis, current.id).await
}
