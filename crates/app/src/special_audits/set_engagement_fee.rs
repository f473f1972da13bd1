//! Setting an engagement's fee.

use linli_domain::ids::EngagementId;
use linli_domain::{
    policy::Action,
    special_audit::{check_fee, check_scope},
};
use linli_persistence::{
    AsyncPgConnection,
    special_audits::{self, Engagement},
};

use super::sight;
use crate::{Caller, Result, access::for_write};

/// A new fee (and scope) for an engagement, against the version the caller read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetEngagementFee {
    pub engagement_id: EngagementId,
    pub fee_fen: i64,
    /// The new scope; the current one stays when absent.
    pub scope: Option<String>,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Sets an engagement's fee (and scope) for the audit office over its compound; the
/// campaign's budget caps the sum of fees, checked by the database under the campaign's
/// lock so concurrent assignments never overspend. Returns the stored engagement.
pub async fn set_engagement_fee(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: SetEngagementFee,
) -> Result<Engagement> {
    // Authorise.
    let scope = caller.scope(Action::ManageAudits)?;
    // Validate.
    check_fee(cmd.fee_fen)?;
    // Load what the caller sees; change only what the caller owns.
    let vis = sight(tx, caller).await?;
    let current = special_audits::engagement(tx, &vis, cmd.engagement_id.into()).await?;
    let current = for_write(&scope, current)?;
    let scope_text = cmd
        .scope
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| current.scope.clone());
    check_scope(&scope_text)?;
    // Store, audit and event.
    special_audits::assign_fee(
        tx,
        &caller.audit,
        &current,
        cmd.expected_version,
        cmd.fee_fen,
        &scope_text,
    )
    .await?;
    special_audits::engagement(tx, &vis, current.id).await
}
