//! Rectification actions of findings, their verification and the overdue sweep.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    special_audit::{RectificationStatus, check_verifier, finding_settled},
};
use serde_json::json;
use uuid::Uuid;

use super::{AuditVisibility, Finding, finding};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// A rectification action.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Rectification {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub finding_id: Uuid,
    #[diesel(sql_type = Text)]
    pub action: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub owner_org_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub owner_org_name: Option<String>,
    #[diesel(sql_type = Date)]
    pub deadline: NaiveDate,
    #[diesel(sql_type = Nullable<Text>)]
    pub completion_evidence: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub completed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub completed_by_name: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub verified_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    pub verified_by_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub verification_note: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub overdue: bool,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<RectificationStatus>,
}

impl Rectification {
    /// The stored status.
    pub fn status(&self) -> RectificationStatus {
        self.checked_status.0
    }
}

macro_rules! rectification_select {
    () => {
        "SELECT r.id, r.finding_id, r.action, r.owner_org_id, o.name AS owner_org_name, r.deadline, \
    r.status, r.completion_evidence, r.completed_at, cu.display_name AS completed_by_name, r.verified_at, \
    vu.display_name AS verified_by_name, r.verification_note, r.overdue, r.version \
    FROM rectifications r LEFT JOIN organisations o ON o.id = r.owner_org_id \
    LEFT JOIN users cu ON cu.id = r.completed_by LEFT JOIN users vu ON vu.id = r.verified_by"
    };
}

/// The actions of some findings, by deadline.
pub async fn rectifications_of(
    conn: &mut AsyncPgConnection,
    finding_ids: &[Uuid],
) -> StoreResult<Vec<Rectification>> {
    Ok(crate::sql::query(concat!(
        rectification_select!(),
        " WHERE r.finding_id = ANY($1) ORDER BY r.deadline, r.id"
    ))
    .bind::<Array<SqlUuid>, _>(finding_ids)
    .load(conn)
    .await?)
}

/// One action with the visible finding it belongs to.
pub async fn rectification(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<(Rectification, Finding)> {
    let rows: Vec<Rectification> =
        crate::sql::query(concat!(rectification_select!(), " WHERE r.id = $1"))
            .bind::<SqlUuid, _>(id)
            .load(conn)
            .await?;
    let r = only_row(rows, "rectification")?;
    let f = finding(conn, vis, r.finding_id)
        .await
        .map_err(|e| match e {
            StoreError::Domain(DomainError::NotFound(_)) => {
                StoreError::Domain(DomainError::NotFound("rectification"))
            }
            other => other,
        })?;
    Ok((r, f))
}

/// Adds a rectification action to an open finding.
pub async fn add_rectification(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    f: &Finding,
    action: &str,
    owner_org_id: Option<Uuid>,
    deadline: NaiveDate,
) -> StoreResult<Uuid> {
    if f.status != "open" {
        return Err(DomainError::WrongState {
            code: "finding_closed",
            detail: "审计发现已关闭 / the finding is closed".into(),
            allowed: vec![],
        }
        .into());
    }
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO rectifications (id, finding_id, action, owner_org_id, deadline, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(f.id)
        .bind::<Text, _>(action)
        .bind::<Nullable<SqlUuid>, _>(owner_org_id)
        .bind::<Date, _>(deadline)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "rectification.created",
                object_type: "rectification",
                object_id: id.to_string(),
                area_path: Some(f.area_path.clone()),
                before: None,
                after: Some(json!({"finding_id": f.id, "action": action, "owner_org_id": owner_org_id, "deadline": deadline})),
                event_data: json!({"finding_id": f.id, "deadline": deadline}),
            },
        )
        .await
    })
    .await?;
    Ok(id)
}

/// Reports an action done, with evidence.
pub async fn complete_rectification(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    r: &Rectification,
    f: &Finding,
    evidence: &str,
) -> StoreResult<()> {
    if r.status() == RectificationStatus::Verified {
        return Err(DomainError::WrongState {
            code: "rectification_verified",
            detail: "该整改措施已核验 / the action is already verified".into(),
            allowed: vec![],
        }
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE rectifications SET status = 'completed', completion_evidence = $2, completed_by = $3, \
             completed_at = linli_now(), version = version + 1 WHERE id = $1 AND status <> 'verified'",
        )
        .bind::<SqlUuid, _>(r.id)
        .bind::<Text, _>(evidence)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        journal::record(
            tx,
            ctx,
            Entry {
                action: "rectification.completed",
                object_type: "rectification",
                object_id: r.id.to_string(),
                area_path: Some(f.area_path.clone()),
                before: Some(json!({"status": r.status().as_str(), "completion_evidence": r.completion_evidence})),
                after: Some(json!({"status": "completed", "completion_evidence": evidence})),
                event_data: json!({"finding_id": f.id}),
            },
        )
        .await
    })
    .await
}

/// Verifies (or sends back) a completed action; the finding closes when all its actions
/// are verified. Rules are re-checked under the finding's row lock.
pub async fn verify_rectification(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    vis: &AuditVisibility,
    id: Uuid,
    accepted: bool,
    note: Option<&str>,
) -> StoreResult<()> {
    let verifier = ctx.user_id().ok_or(DomainError::Forbidden)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        let (r, f) = rectification(tx, vis, id).await?;
        crate::sql::query("SELECT 1 FROM audit_findings WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(f.id)
            .execute(tx)
            .await?;
        let (r, _) = rectification(tx, vis, r.id).await?;
        check_verifier(r.status(), f.raised_by, verifier)?;
        let status = if accepted { "verified" } else { "pending" };
        crate::sql::query(
            "UPDATE rectifications SET status = $2, verified_by = CASE WHEN $2 = 'verified' THEN $3 END, \
             verified_at = CASE WHEN $2 = 'verified' THEN linli_now() END, verification_note = $4, version = version + 1 WHERE id = $1",
        )
        .bind::<SqlUuid, _>(r.id)
        .bind::<Text, _>(status)
        .bind::<SqlUuid, _>(verifier)
        .bind::<Nullable<Text>, _>(note)
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: if accepted { "rectification.verified" } else { "rectification.rejected" },
                object_type: "rectification",
                object_id: r.id.to_string(),
                area_path: Some(f.area_path.clone()),
                before: Some(json!({"status": r.status().as_str()})),
                after: Some(json!({"status": status, "verification_note": note})),
                event_data: json!({"finding_id": f.id}),
            },
        )
        .await?;
        let statuses: Vec<RectificationStatus> = rectifications_of(tx, &[f.id])
            .await?
            .iter()
            .map(Rectification::status)
            .collect();
        if finding_settled(&statuses) {
            crate::sql::query(
                "UPDATE audit_findings SET status = 'closed', closed_at = linli_now(), version = version + 1 WHERE id = $1",
            )
            .bind::<SqlUuid, _>(f.id)
            .execute(tx)
            .await?;
            journal::record(
                tx,
                ctx,
                Entry {
                    action: "finding.closed",
                    object_type: "audit_finding",
                    object_id: f.id.to_string(),
                    area_path: Some(f.area_path.clone()),
                    before: Some(json!({"status": "open"})),
                    after: Some(json!({"status": "closed"})),
                    event_data: json!({"engagement_id": f.engagement_id, "compound_id": f.compound_id}),
                },
            )
            .await?;
        }
        Ok(())
    })
    .await
}

/// Flags rectification actions past their deadline and announces each once
/// (`finding.overdue`). Returns how many were flagged.
pub async fn sweep_overdue(conn: &mut AsyncPgConnection, today: NaiveDate) -> StoreResult<usize> {
    #[derive(QueryableByName)]
    struct Flagged {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
        #[diesel(sql_type = SqlUuid)]
        finding_id: Uuid,
        #[diesel(sql_type = Text)]
        area_path: String,
        #[diesel(sql_type = Date)]
        deadline: NaiveDate,
    }
    let ctx = AuditContext::system("rectification deadline sweeper");
    conn.transaction::<_, StoreError, _>(async |tx| {
        let flagged: Vec<Flagged> = crate::sql::query(
            "UPDATE rectifications r SET overdue = true, version = r.version + 1 FROM audit_findings f \
             WHERE f.id = r.finding_id AND NOT r.overdue AND r.status <> 'verified' AND r.deadline < $1 \
             RETURNING r.id, r.finding_id, f.area_path, r.deadline",
        )
        .bind::<Date, _>(today)
        .load(tx)
        .await?;
        for r in &flagged {
            journal::record(
                tx,
                &ctx,
                Entry {
                    action: "finding.overdue",
                    object_type: "audit_finding",
                    object_id: r.finding_id.to_string(),
                    area_path: Some(r.area_path.clone()),
                    before: None,
                    after: Some(json!({"rectification_id": r.id, "deadline": r.deadline})),
                    event_data: json!({"rectification_id": r.id, "deadline": r.deadline}),
                },
            )
            .await?;
        }
        Ok(flagged.len())
    })
    .await
}
