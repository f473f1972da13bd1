//! Special audits: campaigns, engagements, findings and rectification actions.
//!
//! Who sees what: government staff by area (`patterns`), auditors by firm (`firms`). Every
//! change is audited and announced (`engagement.status_changed`, `finding.opened`, ...).

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    special_audit::{
        EngagementStatus, Opinion, RectificationStatus, check_transition, check_verifier,
        finding_settled,
    },
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::only_row,
};

/// Whose audits a caller may see: engagements in these areas or of these firms.
#[derive(Debug, Clone, Default)]
pub struct AuditVisibility {
    pub patterns: Vec<String>,
    pub firms: Vec<Uuid>,
}

/// An engagement is visible by area or by firm.
const ENGAGEMENT_VISIBLE: &str = "(g.area_path LIKE ANY($1) OR g.firm_id = ANY($2))";

/// Maps the database's budget refusal to a field error.
fn budget_refusal(e: StoreError) -> StoreError {
    match &e {
        StoreError::Query(diesel::result::Error::DatabaseError(_, info))
            if info.message().starts_with("audit_budget_exceeded") =>
        {
            DomainError::field(
                "fee_fen",
                "审计费用合计将超出专项审计预算 / the fees would exceed the campaign's budget",
            )
            .into()
        }
        _ => e,
    }
}

// ---- campaigns ----------------------------------------------------------------------

/// A campaign with its budget use.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Campaign {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub year: i32,
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = BigInt)]
    pub budget_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub committed_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub engagement_count: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub description: Option<String>,
    #[diesel(sql_type = Array<SqlUuid>)]
    pub firm_ids: Vec<Uuid>,
    #[diesel(sql_type = Array<Text>)]
    pub firm_names: Vec<String>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

const CAMPAIGN_SELECT: &str = "SELECT c.id, c.name, c.year, c.area_id, c.area_path, c.budget_fen, \
    (SELECT COALESCE(sum(fee_fen), 0)::bigint FROM audit_engagements x WHERE x.campaign_id = c.id) AS committed_fen, \
    (SELECT count(*) FROM audit_engagements x WHERE x.campaign_id = c.id) AS engagement_count, c.description, \
    ARRAY(SELECT f.firm_id FROM audit_campaign_firms f JOIN organisations o ON o.id = f.firm_id WHERE f.campaign_id = c.id ORDER BY o.name) AS firm_ids, \
    ARRAY(SELECT o.name FROM audit_campaign_firms f JOIN organisations o ON o.id = f.firm_id WHERE f.campaign_id = c.id ORDER BY o.name) AS firm_names, \
    c.version, c.created_at FROM audit_campaigns c";

/// A campaign is visible to staff whose area overlaps it (either way: the district sees
/// a subdistrict's campaign, a subdistrict the district's) and to its firms' auditors.
const CAMPAIGN_VISIBLE: &str = "(c.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE p LIKE c.area_path || '%') \
    OR EXISTS (SELECT 1 FROM audit_campaign_firms f WHERE f.campaign_id = c.id AND f.firm_id = ANY($2)))";

/// Campaigns visible to the caller, newest year first.
pub async fn campaigns(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
) -> StoreResult<Vec<Campaign>> {
    Ok(diesel::sql_query(format!(
        "{CAMPAIGN_SELECT} WHERE {CAMPAIGN_VISIBLE} ORDER BY c.year DESC, c.created_at DESC LIMIT 200"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .load(conn)
    .await?)
}

/// One visible campaign.
pub async fn campaign(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Campaign> {
    let rows = diesel::sql_query(format!(
        "{CAMPAIGN_SELECT} WHERE c.id = $3 AND {CAMPAIGN_VISIBLE}"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "audit campaign")
}

/// A campaign to open.
#[derive(Debug, Clone)]
pub struct NewCampaign {
    pub name: String,
    pub year: i32,
    pub area_id: Uuid,
    pub area_path: String,
    pub budget_fen: i64,
    pub description: Option<String>,
    pub firm_ids: Vec<Uuid>,
}

/// Opens a campaign with its firms.
pub async fn create_campaign(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewCampaign,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO audit_campaigns (id, name, year, area_id, area_path, budget_fen, description, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&new.name)
        .bind::<diesel::sql_types::Integer, _>(new.year)
        .bind::<SqlUuid, _>(new.area_id)
        .bind::<Text, _>(&new.area_path)
        .bind::<BigInt, _>(new.budget_fen)
        .bind::<Nullable<Text>, _>(new.description.as_deref())
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        set_firms(tx, id, &new.firm_ids).await?;
        let after = json!({"name": new.name, "year": new.year, "area_id": new.area_id,
            "budget_fen": new.budget_fen, "firm_ids": new.firm_ids});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "audit_campaign.created",
                object_type: "audit_campaign",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(after.clone()),
                event_data: after,
            },
        )
        .await
    })
    .await?;
    Ok(id)
}

async fn set_firms(tx: &mut AsyncPgConnection, campaign: Uuid, firms: &[Uuid]) -> StoreResult<()> {
    crate::sql::query(
        "INSERT INTO audit_campaign_firms (campaign_id, firm_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(campaign)
    .bind::<Array<SqlUuid>, _>(firms)
    .execute(tx)
    .await?;
    Ok(())
}

/// Changes a campaign's name, budget, description and adds firms (firms with engagements
/// are never removed). A budget below the fees already assigned is refused.
pub async fn update_campaign(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    before: &Campaign,
    expected_version: i64,
    after: &NewCampaign,
) -> StoreResult<()> {
    let (name, budget_fen, description, firm_ids) = (
        after.name.as_str(),
        after.budget_fen,
        after.description.as_deref(),
        after.firm_ids.as_slice(),
    );
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE audit_campaigns SET name = $2, budget_fen = $3, description = $4, version = version + 1 \
             WHERE id = $1 AND version = $5",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Text, _>(name)
        .bind::<BigInt, _>(budget_fen)
        .bind::<Nullable<Text>, _>(description)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        #[derive(QueryableByName)]
        struct Sum {
            #[diesel(sql_type = BigInt)]
            fees: i64,
        }
        let sum: Sum = crate::sql::query(
            "SELECT COALESCE(sum(fee_fen), 0)::bigint AS fees FROM audit_engagements WHERE campaign_id = $1",
        )
        .bind::<SqlUuid, _>(before.id)
        .get_result(tx)
        .await?;
        if sum.fees > budget_fen {
            return Err(DomainError::field(
                "budget_fen",
                "预算不能低于已分配的审计费用 / the budget cannot be below the fees already assigned",
            )
            .into());
        }
        crate::sql::query(
            "DELETE FROM audit_campaign_firms f WHERE f.campaign_id = $1 AND NOT (f.firm_id = ANY($2)) \
             AND NOT EXISTS (SELECT 1 FROM audit_engagements g WHERE g.campaign_id = $1 AND g.firm_id = f.firm_id)",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Array<SqlUuid>, _>(firm_ids)
        .execute(tx)
        .await?;
        set_firms(tx, before.id, firm_ids).await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "audit_campaign.updated",
                object_type: "audit_campaign",
                object_id: before.id.to_string(),
                area_path: Some(before.area_path.clone()),
                before: Some(json!({"name": before.name, "budget_fen": before.budget_fen,
                    "description": before.description, "firm_ids": before.firm_ids})),
                after: Some(json!({"name": name, "budget_fen": budget_fen,
                    "description": description, "firm_ids": firm_ids})),
                event_data: json!({"budget_fen": budget_fen}),
            },
        )
        .await
    })
    .await
}

// ---- engagements --------------------------------------------------------------------

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
    #[diesel(sql_type = Text)]
    pub status: String,
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

const ENGAGEMENT_SELECT: &str = "SELECT g.id, g.campaign_id, c.name AS campaign_name, g.compound_id, a.name AS compound_name, \
    g.area_path, g.firm_id, o.name AS firm_name, g.fee_fen, g.scope, g.period_from, g.period_to, g.status, g.opinion, \
    g.report_summary, \
    (SELECT count(*) FROM audit_findings f WHERE f.engagement_id = g.id) AS finding_count, \
    (SELECT count(*) FROM audit_findings f WHERE f.engagement_id = g.id AND f.status = 'open') AS open_finding_count, \
    g.version, g.updated_at \
    FROM audit_engagements g JOIN audit_campaigns c ON c.id = g.campaign_id JOIN areas a ON a.id = g.compound_id \
    JOIN organisations o ON o.id = g.firm_id";

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
    Ok(diesel::sql_query(format!(
        "{ENGAGEMENT_SELECT} WHERE {ENGAGEMENT_VISIBLE} AND ($3::uuid IS NULL OR g.campaign_id = $3) \
         AND ($4::uuid IS NULL OR g.compound_id = $4) AND ($5::text IS NULL OR g.status = $5) \
         ORDER BY a.name, g.id LIMIT 1000"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<Nullable<SqlUuid>, _>(filter.campaign_id)
    .bind::<Nullable<SqlUuid>, _>(filter.compound_id)
    .bind::<Nullable<Text>, _>(filter.status.as_deref())
    .load(conn)
    .await?)
}

/// One visible engagement.
pub async fn engagement(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Engagement> {
    let rows = diesel::sql_query(format!(
        "{ENGAGEMENT_SELECT} WHERE g.id = $3 AND {ENGAGEMENT_VISIBLE}"
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
                before: Some(json!({"status": current.status, "opinion": current.opinion})),
                after: Some(json!({"status": to.as_str(), "opinion": opinion.map(Opinion::as_str), "report_summary": report_summary})),
                event_data: json!({"campaign_id": current.campaign_id, "compound_id": current.compound_id,
                    "from": current.status, "to": to.as_str(), "opinion": opinion.map(Opinion::as_str)}),
            },
        )
        .await
    })
    .await
}

// ---- findings and rectification ------------------------------------------------------

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

const FINDING_SELECT: &str = "SELECT f.id, f.engagement_id, g.compound_id, a.name AS compound_name, f.area_path, f.kind, \
    f.title, f.description, f.amount_fen, f.severity, f.responsible_org_id, o.name AS responsible_org_name, f.evidence, \
    f.status, f.raised_by, COALESCE(u.display_name, '') AS raised_by_name, f.closed_at, \
    (SELECT count(*) FROM rectifications r WHERE r.finding_id = f.id AND r.overdue AND r.status <> 'verified') AS overdue_actions, \
    f.version, f.created_at \
    FROM audit_findings f JOIN audit_engagements g ON g.id = f.engagement_id JOIN areas a ON a.id = g.compound_id \
    LEFT JOIN organisations o ON o.id = f.responsible_org_id LEFT JOIN users u ON u.id = f.raised_by";

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
    Ok(diesel::sql_query(format!(
        "{FINDING_SELECT} WHERE {ENGAGEMENT_VISIBLE} AND ($3::uuid IS NULL OR f.engagement_id = $3) \
         AND ($4::uuid IS NULL OR g.campaign_id = $4) AND ($5::text IS NULL OR f.status = $5) \
         AND (NOT $6 OR EXISTS (SELECT 1 FROM rectifications r WHERE r.finding_id = f.id AND r.overdue AND r.status <> 'verified')) \
         ORDER BY f.created_at DESC, f.id LIMIT 1000"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<Nullable<SqlUuid>, _>(filter.engagement_id)
    .bind::<Nullable<SqlUuid>, _>(filter.campaign_id)
    .bind::<Nullable<Text>, _>(filter.status.as_deref())
    .bind::<diesel::sql_types::Bool, _>(filter.overdue)
    .load(conn)
    .await?)
}

/// One visible finding.
pub async fn finding(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    id: Uuid,
) -> StoreResult<Finding> {
    let rows = diesel::sql_query(format!(
        "{FINDING_SELECT} WHERE f.id = $3 AND {ENGAGEMENT_VISIBLE}"
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
    #[diesel(sql_type = Text)]
    pub status: String,
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

const RECTIFICATION_SELECT: &str = "SELECT r.id, r.finding_id, r.action, r.owner_org_id, o.name AS owner_org_name, r.deadline, \
    r.status, r.completion_evidence, r.completed_at, cu.display_name AS completed_by_name, r.verified_at, \
    vu.display_name AS verified_by_name, r.verification_note, r.overdue, r.version \
    FROM rectifications r LEFT JOIN organisations o ON o.id = r.owner_org_id \
    LEFT JOIN users cu ON cu.id = r.completed_by LEFT JOIN users vu ON vu.id = r.verified_by";

/// The actions of some findings, by deadline.
pub async fn rectifications_of(
    conn: &mut AsyncPgConnection,
    finding_ids: &[Uuid],
) -> StoreResult<Vec<Rectification>> {
    Ok(diesel::sql_query(format!(
        "{RECTIFICATION_SELECT} WHERE r.finding_id = ANY($1) ORDER BY r.deadline, r.id"
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
        diesel::sql_query(format!("{RECTIFICATION_SELECT} WHERE r.id = $1"))
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
                before: Some(json!({"status": r.status, "completion_evidence": r.completion_evidence})),
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
                before: Some(json!({"status": r.status})),
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

// ---- dashboard ----------------------------------------------------------------------

/// Findings and money at stake in one area.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct AreaFindings {
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_name: String,
    #[diesel(sql_type = BigInt)]
    pub findings: i64,
    #[diesel(sql_type = BigInt)]
    pub open_findings: i64,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
}

/// Findings per subdistrict (depth-1 area) of the visible engagements.
pub async fn findings_by_subdistrict(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<Vec<AreaFindings>> {
    Ok(diesel::sql_query(format!(
        "SELECT s.id AS area_id, s.name AS area_name, count(*) AS findings, \
           count(*) FILTER (WHERE f.status = 'open') AS open_findings, COALESCE(sum(f.amount_fen), 0)::bigint AS amount_fen \
         FROM audit_findings f JOIN audit_engagements g ON g.id = f.engagement_id \
         JOIN areas s ON s.depth = 1 AND g.area_path LIKE s.path || '%' \
         WHERE {ENGAGEMENT_VISIBLE} AND ($3::uuid IS NULL OR g.campaign_id = $3) \
         GROUP BY s.id, s.name ORDER BY amount_fen DESC, s.name"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<Nullable<SqlUuid>, _>(campaign_id)
    .load(conn)
    .await?)
}

/// Rectification deadlines met: (verified on time, verified, overdue and still open).
pub async fn rectification_timeliness(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<(i64, i64, i64)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        on_time: i64,
        #[diesel(sql_type = BigInt)]
        verified: i64,
        #[diesel(sql_type = BigInt)]
        overdue_open: i64,
    }
    let r: Row = diesel::sql_query(format!(
        "SELECT count(*) FILTER (WHERE r.status = 'verified' AND r.completed_at::date <= r.deadline) AS on_time, \
           count(*) FILTER (WHERE r.status = 'verified') AS verified, \
           count(*) FILTER (WHERE r.status <> 'verified' AND r.overdue) AS overdue_open \
         FROM rectifications r JOIN audit_findings f ON f.id = r.finding_id JOIN audit_engagements g ON g.id = f.engagement_id \
         WHERE {ENGAGEMENT_VISIBLE} AND ($3::uuid IS NULL OR g.campaign_id = $3)"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<Nullable<SqlUuid>, _>(campaign_id)
    .get_result(conn)
    .await?;
    Ok((r.on_time, r.verified, r.overdue_open))
}

/// Which of the ids are audit firms.
pub async fn audit_firms_among(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> StoreResult<Vec<Uuid>> {
    use crate::schema::organisations as o;
    Ok(o::table
        .filter(o::id.eq_any(ids))
        .filter(o::kind.eq("audit_firm"))
        .select(o::id)
        .load(conn)
        .await?)
}

/// Engagements per status of the visible campaigns.
pub async fn engagements_by_status(
    conn: &mut AsyncPgConnection,
    vis: &AuditVisibility,
    campaign_id: Option<Uuid>,
) -> StoreResult<Vec<(String, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        status: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT g.status, count(*) AS n FROM audit_engagements g \
         WHERE {ENGAGEMENT_VISIBLE} AND ($3::uuid IS NULL OR g.campaign_id = $3) GROUP BY g.status"
    ))
    .bind::<Array<Text>, _>(&vis.patterns)
    .bind::<Array<SqlUuid>, _>(&vis.firms)
    .bind::<Nullable<SqlUuid>, _>(campaign_id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.n)).collect())
}
