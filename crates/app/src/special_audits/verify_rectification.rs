//! Verifying a completed rectification action.

use linli_domain::ids::RectificationId;
use linli_domain::special_audit::check_verification_note;
use linli_persistence::{AsyncPgConnection, special_audits};

use super::{
    FindingWithActions, conducts, finding_with_actions, may_conduct, person, sight, trimmed,
};
use crate::{Caller, Result};

/// The verdict on a completed action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyRectification {
    pub rectification_id: RectificationId,
    /// `true` verifies; `false` sends it back to pending.
    pub accepted: bool,
    pub note: Option<String>,
}

/// Verifies a completed action — or sends it back — for the engagement's firm's auditors
/// or the audit office, never the person who raised the finding
/// (`special_audit::check_verifier`); the finding closes when all its actions are
/// verified. Returns the finding with its actions.
pub async fn verify_rectification(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: VerifyRectification,
) -> Result<FindingWithActions> {
    // Authorise: a person who conducts audits.
    person(caller)?;
    conducts(caller)?;
    // Validate.
    let note = trimmed(cmd.note);
    check_verification_note(note.as_deref())?;
    // Load what the caller sees; act only on an engagement the caller conducts.
    let vis = sight(tx, caller).await?;
    let (r, f) = special_audits::rectification(tx, &vis, cmd.rectification_id.into()).await?;
    let engagement = special_audits::engagement(tx, &vis, f.engagement_id).await?;
    may_conduct(tx, caller, &engagement).await?;
    // Decide, store, audit and event.
    special_audits::verify_rectification(
        tx,
        &caller.audit,
        &vis,
        r.id,
        cmd.accepted,
        note.as_deref(),
    )
    .await?;
    finding_with_actions(tx, &vis, f.id.into()).await
}
