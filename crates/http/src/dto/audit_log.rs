//! Audit log bodies.

use chrono::{DateTime, Utc};
use linli_persistence::audit_log::AuditRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// One audit entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    /// `user`, `api_key` or `system`.
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    /// `<object>.<verb>`, e.g. `compound.updated`.
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    /// The object before the change (personal data masked).
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The object after the change (personal data masked).
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    /// Hex SHA-256 chaining this entry to the previous one; null for about a second after
    /// the change, until the entry is sealed into the chain.
    pub hash: Option<String>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl From<AuditRow> for AuditEntryView {
    fn from(r: AuditRow) -> Self {
        AuditEntryView {
            id: r.id,
            occurred_at: r.occurred_at,
            actor_kind: r.actor_kind,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            action: r.action,
            object_type: r.object_type,
            object_id: r.object_id,
            before: r.before,
            after: r.after,
            client_ip: r.client_ip,
            request_id: r.request_id,
            hash: r.hash.as_deref().map(hex),
        }
    }
}

/// One page of entries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntryView>,
    pub next_cursor: Option<String>,
}

/// Filters of the audit log.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    #[param(max_length = 64)]
    pub object_type: Option<String>,
    #[param(max_length = 64)]
    pub object_id: Option<String>,
    pub actor_id: Option<Uuid>,
    #[param(max_length = 64)]
    pub action: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// The result of re-computing the hash chain.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditVerification {
    /// True when every entry matches its content and predecessor.
    pub ok: bool,
    /// Entries checked (up to and including the first broken one).
    pub checked: i64,
    /// The first entry that was altered, if any.
    pub first_broken_id: Option<i64>,
}
