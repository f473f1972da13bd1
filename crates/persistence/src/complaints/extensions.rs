//! Requests for more time to resolve, and their decisions.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use super::{Complaint, add_event};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A request for more time to resolve.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Extension {
    pub id: Uuid,
    pub complaint_id: Uuid,
    pub hours: i32,
    pub reason: String,
    pub status: String,
    pub requester_name: String,
    pub decider_name: Option<String>,
    pub decision_note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

macro_rules! extension_columns {
    () => {{
        use crate::schema::complaint_extensions as e;
        (
            e::id,
            e::complaint_id,
            e::hours,
            e::reason,
            e::status,
            e::requester_name,
            e::decider_name,
            e::decision_note,
            e::created_at,
            e::decided_at,
        )
    }};
}

/// A complaint's extension requests, oldest first.
pub async fn extensions_of(
    conn: &mut AsyncPgConnection,
    complaint_id: Uuid,
) -> StoreResult<Vec<Extension>> {
    use crate::schema::complaint_extensions as e;
    Ok(e::table
        .filter(e::complaint_id.eq(complaint_id))
        .select(extension_columns!())
        .order(e::created_at.asc())
        .load(conn)
        .await?)
}

/// Asks for more time (one pending request at a time); timeline entry and audit.
pub async fn request_extension(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &Complaint,
    hours: i32,
    reason: &str,
) -> StoreResult<Uuid> {
    use crate::schema::complaint_extensions as e;
    let id = Uuid::now_v7();
    let requester = ctx.actor_id.ok_or(DomainError::Forbidden)?;
    let result = conn
        .transaction::<_, StoreError, _>(async |tx| {
            diesel::insert_into(e::table)
                .values((
                    e::id.eq(id),
                    e::complaint_id.eq(c.id),
                    e::hours.eq(hours),
                    e::reason.eq(reason),
                    e::requested_by.eq(requester),
                    e::requester_name.eq(&ctx.actor_name),
                ))
                .execute(tx)
                .await?;
            add_event(
                tx,
                ctx,
                c.id,
                "request_extension",
                Some(c.status()),
                c.status(),
                Some(&format!("申请延期 {hours} 工作小时：{reason}")),
            )
            .await?;
            crate::audit_log::record(
                tx,
                ctx,
                crate::audit_log::Change {
                    action: "complaint.extension_requested",
                    object_type: "complaint",
                    object_id: c.id.to_string(),
                    area_path: Some(c.area_path.clone()),
                    before: None,
                    after: Some(json!({"extension_id": id, "hours": hours, "reason": reason})),
                },
            )
            .await?;
            Ok(id)
        })
        .await;
    match result {
        Err(StoreError::Domain(DomainError::Conflict(c))) if c.contains("one_pending") => {
            Err(DomainError::WrongState {
                code: "extension_pending",
                detail:
                    "已有待审批的延期申请 / an extension request is already waiting for a decision"
                        .into(),
                allowed: vec!["decide".into()],
            }
            .into())
        }
        other => other,
    }
}

/// Decides a pending extension; approval moves the resolve deadline to `new_resolve_by`
/// and clears the overdue flag. Timeline entry, audit and a status-change event.
pub async fn decide_extension(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &Complaint,
    ext: &Extension,
    approve: bool,
    note: Option<&str>,
    new_resolve_by: Option<DateTime<Utc>>,
) -> StoreResult<()> {
    use crate::schema::complaint_extensions as e;
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(e::table.filter(e::id.eq(ext.id)).filter(e::status.eq("pending")))
            .set((
                e::status.eq(if approve { "approved" } else { "denied" }),
                e::decided_by.eq(ctx.actor_id),
                e::decider_name.eq(&ctx.actor_name),
                e::decision_note.eq(note),
                e::decided_at.eq(crate::clock::linli_now().nullable()),
            ))
            .execute(tx)
            .await?;
        if changed == 0 {
            return Err(DomainError::WrongState { code: "extension_decided", detail: "该延期申请已处理 / this request was already decided".into(), allowed: vec![] }.into());
        }
        if let Some(deadline) = new_resolve_by.filter(|_| approve) {
            crate::sql::query("UPDATE complaints SET resolve_by = $2, overdue = false, version = version + 1, updated_at = linli_now() WHERE id = $1")
                .bind::<SqlUuid, _>(c.id)
                .bind::<Timestamptz, _>(deadline)
                .execute(tx)
                .await?;
        }
        let action = if approve { "approve_extension" } else { "deny_extension" };
        add_event(tx, ctx, c.id, action, Some(c.status()), c.status(), note).await?;
        journal::record(tx, ctx, Entry {
            action: "complaint.status_changed",
            object_type: "complaint",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: Some(json!({"resolve_by": c.resolve_by})),
            after: Some(json!({"extension_id": ext.id, "approved": approve, "resolve_by": new_resolve_by.filter(|_| approve).or(c.resolve_by)})),
            event_data: json!({"complaint_id": c.id, "number": c.number, "from": c.status().as_str(), "to": c.status().as_str(), "action": action}),
        })
        .await?;
        Ok(())
    })
    .await
}
