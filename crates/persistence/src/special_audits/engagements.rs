//! Engagements of audit firms on compounds and their status flow.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    special_audit::{EngagementStatus, Opinion, check_transition},
};
use serde_json::json;
use uuid::Uuid;

use super::{AuditVisibility, budget_refusal, visible_in};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// An engagement with its compound, firm and findings count.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Engagement {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub campaign_id: Uuid,
    #[diesel(sql_type = Text)]
    pub campaign_name: String,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = SqlUuid)]
    pub firm_id: Uuid,
    #[diesel(sql_type = Text)]
    pub firm_name: String,
    #[diesel(sql_type = BigInt)]
    pub fee_fen: i64,
    #[diesel(sql_type = Text)]
    pub scope: String,
    #[diesel(sql_type = Date)]
    pub period_from: NaiveDate,
    #[diesel(sql_type = Date)]
    pub period_to: NaiveDate,
    #[diesel(sql_type = Nullable<Text>)]
    pub opinion: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub report_summary: Option<String>,
    #[diesel(sql_type = BigInt)]
    pub finding_count: i64,
    #[diesel(sql_type = BigInt)]
    pub open_finding_count: i64,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub updated_at: DateTime<Utc>,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<EngagementStatus>,
}

impl Engagement {
    /// The stored status.
    pub fn status(&self) -> EngagementStatus {
        self.checked_status.0
    }

    /// The opinion, once given.
    pub fn opinion(&self) -> Option<Opinion> {
        self.opinion.as_deref().and_then(Opinion::parse)
    }

    /// What the status allows next.
    pub fn next(&self) -> Vec<EngagementStatus> {
        self.status().next(
            usize::try_from(self.finding_count).unwrap_or(0),
            usize::try_from(self.open_finding_count).unwrap_or(0),
        )
    }
}

macro_rules! engagement_select {
    () => {
        "SELECT g.id, g.campaign_id, c.name AS campaign_name, g.compound_id, a.name AS compound_name, \
    g.area_path, g.firm_id, o.name AS firm_name, g.fee_fen, g.scope, g.period_from, g.period_to, g.status, g.opinion, \
    g.report_summary, \
    (SELECT count(*) FROM audit_findings f WHERE f.engagement_id = g.id) AS finding_count, \
    (SELECT count(*) FROM audit_findings f WHERE f.engagement_id = g.id AND f.status = 'open') AS open_finding_count, \
    g.version, g.updated_at \
    FROM audit_engagements g JOIN audit_campaigns c ON c.id = g.campaign_id JOIN areas a ON a.id = g.compound_id \
    JOIN organisations o ON o.id = g.firm_id"
    };
}

/// Filters of the engagement list.
#[derive(Debug, Clone, Default)]
pub struct EngagementFilter {
    pub campaign_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    pub status: Option<String>,
}

/// Visible engagements, by compound name.
pub async fn engagements(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    filter: &EngagementFilter,
) -> StoreResult<Vec<Engagement>> {
    Ok(visible_in(
        concat!(engagement_select!(), " WHERE ", engagement_visible!()),
        vis,
        filter.campaign_id,
    )
    .filter::<SqlUuid, _>(" AND g.compound_id = ", filter.compound_id)
    .filter::<Text, _>(" AND g.status = ", filter.status.as_deref())
    .sql(" ORDER BY a.name, g.id LIMIT 1000")
    .load(conn)
    .await?)
}

/// One visible engagement.
pub async fn engagement(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Engagement> {
    let rows = crate::sql::query(concat!(
        engagement_select!(),
        " WHERE g.id = $3 AND ",
        engagement_visible!()
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "audit engagement")
}

/// Whether one of the firms has an engagement (in any state) on the compound: that lets
/// its auditors read the compound's ledger.
pub async fn firm_audits_compound(
    conn: &mut AsyncPgConnection,
    firms: &[Uuid],
    compound_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        hit: bool,
    }
    let h: Hit = crate::sql::query(
        "SELECT EXISTS (SELECT 1 FROM audit_engagements WHERE compound_id = $1 AND firm_id = ANY($2)) AS hit",
    )
    .bind::<SqlUuid, _>(compound_id)
    .bind::<Array<SqlUuid>, _>(firms)
    .get_result(conn)
    .await?;
    Ok(h.hit)
}

/// An engagement to add to a campaign.
#[derive(Debug, Clone)]
pub struct NewEngagement {
    pub campaign_id: Uuid,
    pub compound_id: Uuid,
    pub area_path: String,
    pub firm_id: Uuid,
    pub fee_fen: i64,
    pub scope: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
}

/// Adds an engagement; its fee counts against the campaign's budget.
pub async fn create_engagement(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewEngagement,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO audit_engagements (id, campaign_id, compound_id, area_path, firm_id, fee_fen, scope, period_from, period_to) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(new.campaign_id)
        .bind::<SqlUuid, _>(new.compound_id)
        .bind::<Text, _>(&new.area_path)
        .bind::<SqlUuid, _>(new.firm_id)
        .bind::<BigInt, _>(new.fee_fen)
        .bind::<Text, _>(&new.scope)
        .bind::<Date, _>(new.period_from)
        .bind::<Date, _>(new.period_to)
        .execute(tx)
        .await
        .map_err(|e| budget_refusal(e.into()))?;
        let after = json!({"campaign_id": new.campaign_id, "compound_id": new.compound_id, "firm_id": new.firm_id,
            "fee_fen": new.fee_fen, "scope": new.scope, "period_from": new.period_from, "period_to": new.period_to});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "engagement.created",
                object_type: "audit_engagement",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(after.clone()),
                event_data: after,
            },
        )
        .await
    })
    .await
    .map_err(|e| match &e {
        StoreError::Domain(DomainError::Conflict(c)) if c.contains("one_per_compound") => {
            DomainError::field(
                "compound_id",
                "该小区已在本次专项审计中 / the compound is already in this campaign",
            )
            .into()
        }
        _ => e,
    })?;
    Ok(id)
}

/// Sets an engagement's fee (and firm, scope while planned). The budget trigger serialises
/// concurrent assignments on the campaign row.
pub async fn assign_fee(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    before: &Engagement,
    expected_version: i64,
    fee_fen: i64,
    scope: &str,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE audit_engagements SET fee_fen = $2, scope = $3, version = version + 1, updated_at = linli_now() \
             WHERE id = $1 AND version = $4",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<BigInt, _>(fee_fen)
        .bind::<Text, _>(scope)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        journal::record(
            tx,
            ctx,
            Entry {
                action: "engagement.updated",
                object_type: "audit_engagement",
                object_id: before.id.to_string(),
                area_path: Some(before.area_path.clone()),
                before: Some(json!({"fee_fen": before.fee_fen, "scope": before.scope})),
                after: Some(json!({"fee_fen": fee_fen, "scope": scope})),
                event_data: json!({"campaign_id": before.campaign_id, "fee_fen": fee_fen}),
            },
        )
        .await
    })
    .await
    .map_err(budget_refusal)
}

/// A requested move of an engagement.
#[derive(Debug, Clone)]
pub struct Step {
    pub to: EngagementStatus,
    /// Given with the final report (kept afterwards).
    pub opinion: Option<Opinion>,
    pub report_summary: Option<String>,
}

/// Moves an engagement along its life cycle, re-checking the rule under a row lock so a
/// finding raised concurrently cannot slip past a close.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    vis: &AuditVisibility,
    id: Uuid,
    expected_version: Option<i64>,
    step: &Step,
) -> StoreResult<()> {
    let (to, report_summary) = (step.to, step.report_summary.as_deref());
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query("SELECT 1 FROM audit_engagements WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(id)
            .execute(tx)
            .await?;
        let current = engagement(tx, vis, id).await?;
        if expected_version.is_some_and(|v| v != current.version) {
            return Err(DomainError::StaleVersion.into());
        }
        let opinion = step.opinion.or(current.opinion());
        check_transition(
            current.status(),
            to,
            usize::try_from(current.finding_count).unwrap_or(0),
            usize::try_from(current.open_finding_count).unwrap_or(0),
            opinion,
        )?;
        crate::sql::query(
            "UPDATE audit_engagements SET status = $2, opinion = $3, report_summary = COALESCE($4, report_summary), \
             version = version + 1, updated_at = linli_now() WHERE id = $1",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(to.as_str())
        .bind::<Nullable<Text>, _>(opinion.map(Opinion::as_str))
        .bind::<Nullable<Text>, _>(report_summary)
        .execute(tx)
        .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "engagement.status_changed",
                object_type: "audit_engagement",
                object_id: id.to_string(),
                area_path: Some(current.area_path.clone()),
                before: Some(json!({"status": current.status().as_str(), "opinion": current.opinion})),
                after: Some(json!({"status": to.as_str(), "opinion": opinion.map(Opinion::as_str), "report_summary": report_summary})),
                event_data: json!({"campaign_id": current.campaign_id, "compound_id": current.compound_id,
                    "from": current.status().as_str(), "to": to.as_str(), "opinion": opinion.map(Opinion::as_str)}),
            },
        )
        .await
    })
    .await
}
