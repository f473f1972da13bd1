//! The audit log: who changed what, chained so that a rewritten entry shows.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    audit_log::{self, AuditFilter, AuditRow, Verification},
};
use uuid::Uuid;

use crate::{Caller, Result};

/// Filters of the audit log.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindAuditEntries {
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
}

/// Up to `limit` entries about objects of the caller's scope (or of no area), newest
/// first, before the entry `before_id`.
pub async fn list_audit_log(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindAuditEntries,
    before_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditRow>> {
    let scope = caller.scope(Action::ReadAuditLog)?;
    let filter = AuditFilter {
        object_type: find.object_type,
        object_id: find.object_id,
        actor_id: find.actor_id,
        action: find.action,
        within: Some(scope_patterns(&scope)),
        before_id,
        limit,
    };
    audit_log::list(tx, &filter).await
}

/// Recomputes the hash chain and says where it first breaks, if anywhere.
pub async fn verify_audit_log(tx: &mut AsyncPgConnection, caller: &Caller) -> Result<Verification> {
    caller.scope(Action::ReadAuditLog)?;
    audit_log::verify(tx).await
}
