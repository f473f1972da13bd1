//! Findings raised on engagements.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use super::{AuditVisibility, engagement};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// A finding with its engagement's compound and firm.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Finding {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub engagement_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub description: String,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
    #[diesel(sql_type = Text)]
    pub severity: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub responsible_org_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub responsible_org_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub evidence: Option<String>,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = SqlUuid)]
    pub raised_by: Uuid,
    #[diesel(sql_type = Text)]
    pub raised_by_name: String,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub closed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = BigInt)]
    pub overdue_actions: i64,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

macro_rules! finding_select {
    () => {
        "SELECT f.id, f.engagement_id, g.compound_id, a.name AS compound_name, f.area_path, f.kind, \
    f.title, f.description, f.amount_fen, f.severity, f.responsible_org_id, o.name AS responsible_org_name, f.evidence, \
    f.status, f.raised_by, COALESCE(u.display_name, '') AS raised_by_name, f.closed_at, \
    (SELECT count(*) FROM rectifications r WHERE r.finding_id = f.id AND r.overdue AND r.status <> 'verified') AS overdue_actions, \
    f.version, f.created_at \
    FROM audit_findings f JOIN audit_engagements g ON g.id = f.engagement_id JOIN areas a ON a.id = g.compound_id \
    LEFT JOIN organisations o ON o.id = f.responsible_org_id LEFT JOIN users u ON u.id = f.raised_by"
    };
}

/// Filters of the findings list.
#[derive(Debug, Clone, Default)]
pub struct FindingFilter {
    pub engagement_id: Option<Uuid>,
    pub campaign_id: Option<Uuid>,
    pub status: Option<String>,
    /// Only findings with an overdue rectification action.
    pub overdue: bool,
}

/// Visible findings, newest first.
pub async fn findings(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    filter: &FindingFilter,
) -> StoreResult<Vec<Finding>> {
    let listing = crate::sql::query(concat!(finding_select!(), " WHERE ", engagement_visible!()))
        .bind::<Array<Text>, _>(&vis.patterns)
        .bind::<Array<SqlUuid>, _>(&vis.firms)
        .filter::<SqlUuid, _>(" AND f.engagement_id = ", filter.engagement_id)
        .filter::<SqlUuid, _>(" AND g.campaign_id = ", filter.campaign_id)
        .filter::<Text, _>(" AND f.status = ", filter.status.as_deref());
    let listing = if filter.overdue {
        listing.sql(
            " AND EXISTS (SELECT 1 FROM rectifications r WHERE r.finding_id = f.id AND r.overdue AND r.status <> 'verified')",
        )
    } else {
        listing
    };
    Ok(listing
        .sql(" ORDER BY f.created_at DESC, f.id LIMIT 1000")
        .load(conn)
        .await?)
}

/// One visible finding.
pub async fn finding(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Finding> {
    let rows = crate::sql::query(concat!(
        finding_select!(),
        " WHERE f.id = $3 AND ",
        engagement_visible!()
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "audit finding")
}

/// A finding to raise.
#[derive(Debug, Clone)]
pub struct NewFinding {
    pub engagement_id: Uuid,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub amount_fen: i64,
    pub severity: String,
    pub responsible_org_id: Option<Uuid>,
    pub evidence: Option<String>,
}

/// Raises a finding on an engagement that takes findings (checked under its row lock).
pub async fn raise_finding(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    vis: &AuditVisibility,
    new: &NewFinding,
) -> StoreResult<Uuid> {
    let raised_by = ctx.user_id().ok_or(DomainError::Forbidden)?;
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query("SELECT 1 FROM audit_engagements WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(new.engagement_id)
            .execute(tx)
            .await?;
        let g = engagement(tx, vis, new.engagement_id).await?;
        if !g.status().takes_findings() {
            return Err(DomainError::WrongState {
                code: "engagement_not_in_fieldwork",
                detail: "只能在现场审计或报告初稿阶段提出审计发现 / findings are raised during fieldwork or the draft report".into(),
                allowed: vec![],
            }
            .into());
        }
        crate::sql::query(
            "INSERT INTO audit_findings (id, engagement_id, area_path, kind, title, description, amount_fen, severity, \
             responsible_org_id, evidence, raised_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(g.id)
        .bind::<Text, _>(&g.area_path)
        .bind::<Text, _>(&new.kind)
        .bind::<Text, _>(&new.title)
        .bind::<Text, _>(&new.description)
        .bind::<BigInt, _>(new.amount_fen)
        .bind::<Text, _>(&new.severity)
        .bind::<Nullable<SqlUuid>, _>(new.responsible_org_id)
        .bind::<Nullable<Text>, _>(new.evidence.as_deref())
        .bind::<SqlUuid, _>(raised_by)
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "finding.opened",
                object_type: "audit_finding",
                object_id: id.to_string(),
                area_path: Some(g.area_path.clone()),
                before: None,
                after: Some(json!({"engagement_id": g.id, "kind": new.kind, "title": new.title, "amount_fen": new.amount_fen,
                    "severity": new.severity, "responsible_org_id": new.responsible_org_id})),
                event_data: json!({"engagement_id": g.id, "compound_id": g.compound_id, "kind": new.kind,
                    "amount_fen": new.amount_fen, "severity": new.severity}),
            },
        )
        .await
    })
    .await?;
    Ok(id)
}
