//! Moving a complaint through its states.

use chrono::{DateTime, Utc};
use diesel::sql_types::{BigInt, Bool, Nullable, SmallInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, complaint::Status};
use serde_json::json;
use uuid::Uuid;

use super::{Complaint, add_event};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// The columns a transition sets (absent: unchanged).
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub handler_org_id: Option<Uuid>,
    pub reject_reason: Option<String>,
    pub return_reason: Option<String>,
    pub resolution: Option<String>,
    pub rating: Option<i16>,
    pub review_comment: Option<String>,
    pub sign_by: Option<DateTime<Utc>>,
    pub resolve_by: Option<DateTime<Utc>>,
    /// Set the timestamp column of this name to now.
    pub stamp: Option<&'static str>,
    pub reopen: bool,
    pub escalate: bool,
    /// Clears deadlines and the overdue flag (e.g. when an order comes back unsigned).
    pub clear_deadlines: bool,
}

/// The update of a transition, stamping the given column (`", signed_at = linli_now()"`)
/// or none (`""`).
macro_rules! update_complaint {
    ($stamp:literal) => {
        concat!(
            "UPDATE complaints SET status = $2, \
             handler_org_id = COALESCE($3, handler_org_id), reject_reason = COALESCE($4, reject_reason), \
             return_reason = COALESCE($5, return_reason), resolution = COALESCE($6, resolution), \
             rating = COALESCE($7, rating), review_comment = COALESCE($8, review_comment), \
             sign_by = CASE WHEN $11 THEN NULL ELSE COALESCE($9, sign_by) END, \
             resolve_by = CASE WHEN $11 THEN NULL ELSE COALESCE($10, resolve_by) END, \
             overdue = CASE WHEN $11 OR $9 IS NOT NULL OR $10 IS NOT NULL THEN false ELSE overdue END, \
             reopen_count = reopen_count + CASE WHEN $12 THEN 1 ELSE 0 END, \
             escalation_level = LEAST(2, escalation_level + CASE WHEN $13 THEN 1 ELSE 0 END), \
             version = version + 1, updated_at = linli_now()",
            $stamp,
            " WHERE id = $1 AND version = $14"
        )
    };
}

/// Moves a complaint to `to` if still at `expected_version`, with its timeline entry,
/// audit entry and `complaint.status_changed` event.
#[expect(
    clippy::too_many_arguments,
    reason = "one transition, described in full"
)]
pub async fn transition(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Complaint,
    action: &str,
    to: Status,
    changes: &Changes,
    note: Option<&str>,
    expected_version: i64,
) -> StoreResult<()> {
    let sql = match changes.stamp {
        Some("accepted_at") => update_complaint!(", accepted_at = linli_now()"),
        Some("assigned_at") => update_complaint!(", assigned_at = linli_now()"),
        Some("signed_at") => update_complaint!(", signed_at = linli_now()"),
        Some("resolved_at") => update_complaint!(", resolved_at = linli_now()"),
        Some("closed_at") => update_complaint!(", closed_at = linli_now()"),
        _ => update_complaint!(""),
    };
    let id = current.id;
    let from = current.status();
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(sql)
            .bind::<SqlUuid, _>(id)
            .bind::<Text, _>(to.as_str())
            .bind::<Nullable<SqlUuid>, _>(changes.handler_org_id)
            .bind::<Nullable<Text>, _>(&changes.reject_reason)
            .bind::<Nullable<Text>, _>(&changes.return_reason)
            .bind::<Nullable<Text>, _>(&changes.resolution)
            .bind::<Nullable<SmallInt>, _>(changes.rating)
            .bind::<Nullable<Text>, _>(&changes.review_comment)
            .bind::<Nullable<Timestamptz>, _>(changes.sign_by)
            .bind::<Nullable<Timestamptz>, _>(changes.resolve_by)
            .bind::<Bool, _>(changes.clear_deadlines)
            .bind::<Bool, _>(changes.reopen)
            .bind::<Bool, _>(changes.escalate)
            .bind::<BigInt, _>(expected_version)
            .execute(tx)
            .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        add_event(tx, ctx, id, action, Some(from), to, note).await?;
        if matches!(to, Status::Resolved | Status::Closed | Status::Rejected) {
            // A request for more time means nothing once the work is done.
            crate::sql::query(
                "UPDATE complaint_extensions SET status = 'denied', decided_at = linli_now(), \
                 decision_note = '诉求已办结或关闭，延期申请自动终止 / ended with the complaint' \
                 WHERE complaint_id = $1 AND status = 'pending'",
            )
            .bind::<SqlUuid, _>(id)
            .execute(tx)
            .await?;
        }
        journal::record(tx, ctx, Entry {
            action: "complaint.status_changed",
            object_type: "complaint",
            object_id: id.to_string(),
            area_path: Some(current.area_path.clone()),
            before: Some(json!({"status": from.as_str(), "handler_org_id": current.handler_org_id})),
            after: Some(json!({"status": to.as_str(), "action": action, "handler_org_id": changes.handler_org_id.or(current.handler_org_id), "note": note})),
            event_data: json!({"complaint_id": id, "number": current.number, "from": from.as_str(), "to": to.as_str(), "action": action}),
        })
        .await?;
        Ok(())
    })
    .await
}
