//! Recording a change: one audit entry and one event, in the transaction that makes it.

use diesel_async::AsyncPgConnection;
use serde_json::Value;

use crate::{
    audit_log::{self, AuditContext, Change},
    error::StoreResult,
    events::{self, NewEvent},
};

/// A change to record. `action` is both the audit action and the event type
/// (`<object>.<verb>`); `event_data` must hold no personal data.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: String,
    pub area_path: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub event_data: Value,
}

/// Audits and announces the change.
pub async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    entry: Entry<'_>,
) -> StoreResult<()> {
    audit_log::record(
        tx,
        ctx,
        Change {
            action: entry.action,
            object_type: entry.object_type,
            object_id: entry.object_id.clone(),
            area_path: entry.area_path.clone(),
            before: entry.before,
            after: entry.after,
        },
    )
    .await?;
    events::emit(
        tx,
        NewEvent {
            event_type: entry.action,
            area_path: entry.area_path,
            subject_type: entry.object_type,
            subject_id: entry.object_id,
            payload: entry.event_data,
        },
    )
    .await?;
    Ok(())
}

/// Names of the top-level fields that differ (all of them for a new object).
pub fn changed_fields(before: Option<&Value>, after: &Value) -> Vec<String> {
    let Some(after) = after.as_object() else {
        return Vec::new();
    };
    after
        .iter()
        .filter(|(k, v)| before.and_then(|b| b.get(k.as_str())) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}
