//! Complaints: work orders, their timeline, deadlines and the overdue sweep.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        BigInt, Bool, Double, Integer, Jsonb, Nullable, SmallInt, Text, Timestamptz,
        Uuid as SqlUuid,
    },
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    calendar::WorkingCalendar,
    complaint::{Candidates, HandlerRule, Status},
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    registry::Patterns,
};

/// A category of the catalogue.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Category {
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub name_zh: String,
    #[diesel(sql_type = Text)]
    pub name_en: String,
    #[diesel(sql_type = Integer)]
    pub sign_hours: i32,
    #[diesel(sql_type = Integer)]
    pub resolve_hours: i32,
    #[diesel(sql_type = Text)]
    pub handler_rule: String,
    #[diesel(sql_type = Jsonb)]
    pub attributes: serde_json::Value,
    #[diesel(sql_type = Bool)]
    pub active: bool,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    /// `handler_rule`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = handler_rule)]
    rule: crate::error::Code<HandlerRule>,
}

impl Category {
    /// The routing rule.
    pub fn rule(&self) -> HandlerRule {
        self.rule.0
    }
}

const SELECT_CATEGORY: &str = "SELECT code, name_zh, name_en, sign_hours, resolve_hours, handler_rule, attributes, active, version FROM complaint_categories";

/// The catalogue, in display order.
pub async fn categories(
    conn: &mut AsyncPgConnection,
    active_only: bool,
) -> StoreResult<Vec<Category>> {
    Ok(diesel::sql_query(format!(
        "{SELECT_CATEGORY} WHERE ($1 = false OR active) ORDER BY position, code"
    ))
    .bind::<Bool, _>(active_only)
    .load(conn)
    .await?)
}

/// One category.
pub async fn category(conn: &mut AsyncPgConnection, code: &str) -> StoreResult<Option<Category>> {
    let rows: Vec<Category> = diesel::sql_query(format!("{SELECT_CATEGORY} WHERE code = $1"))
        .bind::<Text, _>(code)
        .load(conn)
        .await?;
    Ok(rows.into_iter().next())
}

/// A category's configurable settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategorySettings {
    pub sign_hours: i32,
    pub resolve_hours: i32,
    pub rule: HandlerRule,
    pub active: bool,
}

/// Changes a category's deadlines, rule and active flag if still at `expected_version`.
pub async fn update_category(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Category,
    settings: CategorySettings,
    expected_version: i64,
) -> StoreResult<Category> {
    let CategorySettings {
        sign_hours,
        resolve_hours,
        rule,
        active,
    } = settings;
    let code = current.code.clone();
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE complaint_categories SET sign_hours = $2, resolve_hours = $3, handler_rule = $4, active = $5, \
             version = version + 1 WHERE code = $1 AND version = $6",
        )
        .bind::<Text, _>(&code)
        .bind::<Integer, _>(sign_hours)
        .bind::<Integer, _>(resolve_hours)
        .bind::<Text, _>(rule.as_str())
        .bind::<Bool, _>(active)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        crate::audit::record(tx, ctx, crate::audit::Change {
            action: "complaint_category.updated",
            object_type: "complaint_category",
            object_id: code.clone(),
            area_path: None,
            before: Some(json!({"sign_hours": current.sign_hours, "resolve_hours": current.resolve_hours, "handler_rule": current.handler_rule, "active": current.active})),
            after: Some(json!({"sign_hours": sign_hours, "resolve_hours": resolve_hours, "handler_rule": rule.as_str(), "active": active})),
        })
        .await?;
        category(tx, &code).await?.ok_or(StoreError::Domain(DomainError::NotFound("category")))
    })
    .await
}

#[derive(QueryableByName)]
struct CandidateRow {
    #[diesel(sql_type = Text)]
    role: String,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The organisations that could handle a complaint about `compound_id` today.
pub async fn candidates(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Candidates> {
    let rows: Vec<CandidateRow> = crate::sql::query(
        "SELECT 'contract_company' AS role, sc.company_id AS id FROM contract_compounds cc \
           JOIN service_contracts sc ON sc.id = cc.contract_id \
           WHERE cc.compound_id = $1 AND linli_today() BETWEEN cc.start_date AND cc.end_date \
         UNION ALL SELECT o.kind, o.id FROM organisation_compounds oc JOIN organisations o ON o.id = oc.organisation_id \
           WHERE oc.compound_id = $1 AND o.kind IN ('residents_committee', 'owners_committee') \
         UNION ALL SELECT o.kind, o.id FROM areas c JOIN areas cm ON cm.id = c.parent_id \
           JOIN organisations o ON (o.kind = 'community_party_committee' AND o.area_id = cm.id) \
                                OR (o.kind = 'law_enforcement' AND o.area_id = cm.parent_id) \
           WHERE c.id = $1",
    )
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?;
    let pick = |role: &str| rows.iter().find(|r| r.role == role).map(|r| r.id);
    Ok(Candidates {
        contract_company: pick("contract_company"),
        residents_committee: pick("residents_committee"),
        owners_committee: pick("owners_committee"),
        law_enforcement: pick("law_enforcement"),
        community_committee: pick("community_party_committee"),
    })
}

/// A complaint with the names around it.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Complaint {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub number: String,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub category_code: String,
    #[diesel(sql_type = Text)]
    pub category_name: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Text)]
    pub description: String,
    #[diesel(sql_type = Nullable<Double>)]
    pub lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    pub lon: Option<f64>,
    #[diesel(sql_type = Text)]
    pub channel: String,
    #[diesel(sql_type = Bool)]
    pub anonymous: bool,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub complainant_user_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub complainant_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub complainant_phone: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub external_id: Option<String>,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub handler_org_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub handler_org_name: Option<String>,
    #[diesel(sql_type = Text)]
    pub routing_rule: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub reject_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub return_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub resolution: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub accepted_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub assigned_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub sign_by: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub signed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub resolve_by: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub resolved_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub closed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<SmallInt>)]
    pub rating: Option<i16>,
    #[diesel(sql_type = Nullable<Text>)]
    pub review_comment: Option<String>,
    #[diesel(sql_type = Integer)]
    pub reopen_count: i32,
    #[diesel(sql_type = Integer)]
    pub escalation_level: i32,
    #[diesel(sql_type = Bool)]
    pub overdue: bool,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub duplicate_of: Option<Uuid>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub updated_at: DateTime<Utc>,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<Status>,
}

impl Complaint {
    /// The status as the domain sees it.
    pub fn status(&self) -> Status {
        self.checked_status.0
    }
}

const SELECT: &str = "SELECT c.id, c.number, c.compound_id, a.name AS compound_name, c.area_path, c.category_code, \
    cat.name_zh AS category_name, c.title, c.description, c.lat, c.lon, c.channel, c.anonymous, c.complainant_user_id, \
    c.complainant_name, c.complainant_phone, c.external_id, c.status, c.handler_org_id, o.name AS handler_org_name, \
    c.routing_rule, c.reject_reason, c.return_reason, c.resolution, c.accepted_at, c.assigned_at, c.sign_by, c.signed_at, \
    c.resolve_by, c.resolved_at, c.closed_at, c.rating, c.review_comment, c.reopen_count, c.escalation_level, c.overdue, \
    c.duplicate_of, c.version, c.created_at, c.updated_at \
    FROM complaints c JOIN areas a ON a.id = c.compound_id JOIN complaint_categories cat ON cat.code = c.category_code \
    LEFT JOIN organisations o ON o.id = c.handler_org_id";

/// A complaint whatever the scope (callers decide visibility).
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<Complaint>> {
    let rows: Vec<Complaint> = diesel::sql_query(format!("{SELECT} WHERE c.id = $1"))
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    Ok(rows.into_iter().next())
}

/// Who may see which complaints.
#[derive(Debug, Clone, Default)]
pub struct Visibility {
    /// Staff: complaints about compounds in these subtrees (`LIKE` patterns).
    pub area_patterns: Vec<String>,
    /// Handlers: complaints assigned to these organisations.
    pub handler_orgs: Vec<Uuid>,
    /// Residents: their own complaints.
    pub complainant: Option<Uuid>,
}

/// Filters of the list.
#[derive(Debug, Clone, Default)]
pub struct ComplaintFilter {
    pub within: Option<String>,
    pub status: Option<Status>,
    pub category: Option<String>,
    pub handler_org_id: Option<Uuid>,
    pub overdue: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub text: Option<String>,
    pub compound_id: Option<Uuid>,
}

const VISIBLE: &str =
    "(c.area_path LIKE ANY($1) OR c.handler_org_id = ANY($2) OR c.complainant_user_id = $3)";

#[derive(QueryableByName)]
struct CompoundId {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// The compound whose area path this is, if it is a compound's.
async fn compound_at(conn: &mut AsyncPgConnection, path: &str) -> StoreResult<Option<Uuid>> {
    let rows: Vec<CompoundId> = crate::sql::query(
        "SELECT c.id FROM compounds c JOIN areas a ON a.id = c.id WHERE a.path = $1",
    )
    .bind::<Text, _>(path)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next().map(|r| r.id))
}

/// Newest first, keyset on (created_at, id).
pub async fn list(
    conn: &mut AsyncPgConnection,
    vis: &Visibility,
    f: &ComplaintFilter,
    after: Option<&(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Complaint>> {
    // A complaint's area path is its compound's (copied when filed; compounds hold no
    // compounds), so "within a compound's path" is "about that compound". Said as
    // `compound_id`, the page is read newest first from the compound's own index instead
    // of filtering the district's newest rows until 20 of this compound's turn up (a
    // compound holds ~0.2% of them: thousands of rows per page). The path condition is
    // dropped then rather than kept beside it: the planner would take the two as
    // independent, expect one row, and fetch and sort all of the compound's.
    let within_compound = match &f.within {
        Some(path) => compound_at(conn, path).await?,
        None => None,
    };
    let within = f
        .within
        .as_ref()
        .filter(|_| within_compound.is_none())
        .map(|p| format!("{p}%"));
    Ok(diesel::sql_query(format!(
        "{SELECT} WHERE {VISIBLE} \
         AND ($4::text IS NULL OR c.area_path LIKE $4) AND ($5::text IS NULL OR c.status = $5) \
         AND ($6::text IS NULL OR c.category_code = $6) AND ($7::uuid IS NULL OR c.handler_org_id = $7) \
         AND ($8::bool IS NULL OR c.overdue = $8) AND ($9::timestamptz IS NULL OR c.created_at >= $9) \
         AND ($10::timestamptz IS NULL OR c.created_at < $10) \
         AND ($11::text IS NULL OR c.title ILIKE $11 OR c.description ILIKE $11 OR c.number = $12) \
         AND ($13::uuid IS NULL OR c.compound_id = $13) \
         AND ($14::timestamptz IS NULL OR (c.created_at, c.id) < ($14, $15)) \
         AND ($17::uuid IS NULL OR c.compound_id = $17) \
         ORDER BY c.created_at DESC, c.id DESC LIMIT $16"
    ))
    .bind::<Patterns, _>(&vis.area_patterns)
    .bind::<diesel::sql_types::Array<SqlUuid>, _>(&vis.handler_orgs)
    .bind::<Nullable<SqlUuid>, _>(vis.complainant)
    .bind::<Nullable<Text>, _>(within)
    .bind::<Nullable<Text>, _>(f.status.map(Status::as_str))
    .bind::<Nullable<Text>, _>(&f.category)
    .bind::<Nullable<SqlUuid>, _>(f.handler_org_id)
    .bind::<Nullable<Bool>, _>(f.overdue)
    .bind::<Nullable<Timestamptz>, _>(f.from)
    .bind::<Nullable<Timestamptz>, _>(f.to)
    .bind::<Nullable<Text>, _>(f.text.as_ref().map(|t| format!("%{}%", crate::compounds::like_literal(t))))
    .bind::<Nullable<Text>, _>(&f.text)
    .bind::<Nullable<SqlUuid>, _>(f.compound_id)
    .bind::<Nullable<Timestamptz>, _>(after.map(|(t, _)| *t))
    .bind::<Nullable<SqlUuid>, _>(after.map(|(_, id)| *id))
    .bind::<BigInt, _>(limit)
    .bind::<Nullable<SqlUuid>, _>(within_compound)
    .load(conn)
    .await?)
}

/// Complaints per status (and overdue) visible to the caller, for inbox badges.
#[derive(Debug, Clone, PartialEq, Eq, QueryableByName)]
pub struct StatusCount {
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = BigInt)]
    pub count: i64,
    #[diesel(sql_type = BigInt)]
    pub overdue: i64,
}

/// Counts per status.
///
/// Counting the visible complaints themselves reads every one of them (a district admin
/// sees all: seconds at 10 million). The area and handler parts of [`VISIBLE`] are summed
/// from `complaint_status_counts` instead, which triggers keep exact per (compound path,
/// handler, status); only the caller's own complaints outside those (a resident's) are
/// counted from `complaints`, through the complainant index. Same rows, same answer.
pub async fn counts(
    conn: &mut AsyncPgConnection,
    vis: &Visibility,
) -> StoreResult<Vec<StatusCount>> {
    Ok(crate::sql::query(
        "SELECT status, sum(total)::bigint AS count, sum(overdue)::bigint AS overdue FROM ( \
           SELECT r.status, r.total, r.overdue FROM complaint_status_counts r \
           WHERE r.area_path LIKE ANY($1) \
              OR NULLIF(r.handler_key, '00000000-0000-0000-0000-000000000000') = ANY($2) \
           UNION ALL \
           SELECT c.status, 1, CASE WHEN c.overdue THEN 1 ELSE 0 END FROM complaints c \
           WHERE c.complainant_user_id = $3 \
             AND (c.area_path LIKE ANY($1) OR c.handler_org_id = ANY($2)) IS NOT TRUE \
         ) x GROUP BY status HAVING sum(total) > 0 ORDER BY status",
    )
    .bind::<Patterns, _>(&vis.area_patterns)
    .bind::<diesel::sql_types::Array<SqlUuid>, _>(&vis.handler_orgs)
    .bind::<Nullable<SqlUuid>, _>(vis.complainant)
    .load(conn)
    .await?)
}

/// A new complaint, checked and routed by the caller.
#[derive(Debug, Clone)]
pub struct NewComplaint {
    pub compound_id: Uuid,
    pub area_path: String,
    pub category_code: String,
    pub title: String,
    pub description: String,
    pub location: Option<(f64, f64)>,
    pub channel: &'static str,
    pub anonymous: bool,
    pub complainant_user_id: Option<Uuid>,
    pub complainant_name: Option<String>,
    pub complainant_phone: Option<String>,
    pub filed_by: Option<Uuid>,
    pub source_key_id: Option<Uuid>,
    pub external_id: Option<String>,
    pub handler_org_id: Option<Uuid>,
    pub routing_rule: String,
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = Text)]
    number: String,
}

/// One timeline entry.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct TimelineEntry {
    #[diesel(sql_type = Text)]
    pub action: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub from_status: Option<String>,
    #[diesel(sql_type = Text)]
    pub to_status: String,
    #[diesel(sql_type = Text)]
    pub actor_kind: String,
    #[diesel(sql_type = Text)]
    pub actor_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub note: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub at: DateTime<Utc>,
}

/// The timeline, oldest first.
pub async fn timeline(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Vec<TimelineEntry>> {
    Ok(crate::sql::query(
        "SELECT action, from_status, to_status, actor_kind, actor_name, note, at FROM complaint_events \
         WHERE complaint_id = $1 ORDER BY id",
    )
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?)
}

async fn add_event(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    id: Uuid,
    action: &str,
    from: Option<Status>,
    to: Status,
    note: Option<&str>,
) -> StoreResult<()> {
    crate::sql::query(
        "INSERT INTO complaint_events (complaint_id, action, from_status, to_status, actor_kind, actor_id, actor_name, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Text, _>(action)
    .bind::<Nullable<Text>, _>(from.map(Status::as_str))
    .bind::<Text, _>(to.as_str())
    .bind::<Text, _>(ctx.actor_kind)
    .bind::<Nullable<SqlUuid>, _>(ctx.actor_id)
    .bind::<Text, _>(&ctx.actor_name)
    .bind::<Nullable<Text>, _>(note)
    .execute(tx)
    .await?;
    Ok(())
}

/// Files a complaint: the row, the first timeline entry, the audit entry and the
/// `complaint.created` event, in one transaction.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewComplaint,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    let result = conn
        .transaction::<_, StoreError, _>(async |tx| {
            // The sequence is padded to six digits but never cut: `lpad` truncates longer
            // strings, so from the millionth complaint on numbers would repeat within a day.
            let number: Number = crate::sql::query(
                "SELECT 'LL' || to_char(linli_now() AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || (SELECT lpad(n, greatest(6, length(n)), '0') FROM (SELECT nextval('complaint_numbers')::text AS n) s) AS number",
            )
            .get_result(tx)
            .await?;
            crate::sql::query(
                "INSERT INTO complaints (id, number, compound_id, area_path, category_code, title, description, lat, lon, \
                 channel, anonymous, complainant_user_id, complainant_name, complainant_phone, filed_by, source_key_id, \
                 external_id, status, handler_org_id, routing_rule) \
                 VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'submitted',$18,$19)",
            )
            .bind::<SqlUuid, _>(id)
            .bind::<Text, _>(&number.number)
            .bind::<SqlUuid, _>(new.compound_id)
            .bind::<Text, _>(&new.area_path)
            .bind::<Text, _>(&new.category_code)
            .bind::<Text, _>(new.title.trim())
            .bind::<Text, _>(new.description.trim())
            .bind::<Nullable<Double>, _>(new.location.map(|l| l.0))
            .bind::<Nullable<Double>, _>(new.location.map(|l| l.1))
            .bind::<Text, _>(new.channel)
            .bind::<Bool, _>(new.anonymous)
            .bind::<Nullable<SqlUuid>, _>(new.complainant_user_id)
            .bind::<Nullable<Text>, _>(&new.complainant_name)
            .bind::<Nullable<Text>, _>(&new.complainant_phone)
            .bind::<Nullable<SqlUuid>, _>(new.filed_by)
            .bind::<Nullable<SqlUuid>, _>(new.source_key_id)
            .bind::<Nullable<Text>, _>(&new.external_id)
            .bind::<Nullable<SqlUuid>, _>(new.handler_org_id)
            .bind::<Text, _>(&new.routing_rule)
            .execute(tx)
            .await?;
            add_event(tx, ctx, id, "submit", None, Status::Submitted, Some(&new.routing_rule)).await?;
            journal::record(tx, ctx, Entry {
                action: "complaint.created",
                object_type: "complaint",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(json!({
                    "number": number.number, "compound_id": new.compound_id, "category": new.category_code,
                    "channel": new.channel, "anonymous": new.anonymous, "handler_org_id": new.handler_org_id,
                    "routing_rule": new.routing_rule,
                })),
                event_data: json!({
                    "complaint_id": id, "number": number.number, "compound_id": new.compound_id,
                    "category": new.category_code, "channel": new.channel, "status": "submitted",
                    "external_id": new.external_id,
                }),
            })
            .await?;
            Ok(id)
        })
        .await;
    match result {
        Err(StoreError::Domain(DomainError::Conflict(c))) if c.contains("external_once") => {
            Err(DomainError::field(
                "external_id",
                "该外部编号已导入 / a complaint with this external id was already imported",
            )
            .into())
        }
        other => other,
    }
}

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
    let stamp = match changes.stamp {
        Some(col @ ("accepted_at" | "assigned_at" | "signed_at" | "resolved_at" | "closed_at")) => {
            format!(", {col} = linli_now()")
        }
        _ => String::new(),
    };
    let sql = format!(
        "UPDATE complaints SET status = $2, \
         handler_org_id = COALESCE($3, handler_org_id), reject_reason = COALESCE($4, reject_reason), \
         return_reason = COALESCE($5, return_reason), resolution = COALESCE($6, resolution), \
         rating = COALESCE($7, rating), review_comment = COALESCE($8, review_comment), \
         sign_by = CASE WHEN $11 THEN NULL ELSE COALESCE($9, sign_by) END, \
         resolve_by = CASE WHEN $11 THEN NULL ELSE COALESCE($10, resolve_by) END, \
         overdue = CASE WHEN $11 OR $9 IS NOT NULL OR $10 IS NOT NULL THEN false ELSE overdue END, \
         reopen_count = reopen_count + CASE WHEN $12 THEN 1 ELSE 0 END, \
         escalation_level = LEAST(2, escalation_level + CASE WHEN $13 THEN 1 ELSE 0 END), \
         version = version + 1, updated_at = linli_now(){stamp} \
         WHERE id = $1 AND version = $14"
    );
    let id = current.id;
    let from = current.status();
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::sql_query(&sql)
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

/// Whether a user acts for an organisation.
pub async fn is_member(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    org_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = Bool)]
        ok: bool,
    }
    let found: Found = crate::sql::query("SELECT EXISTS (SELECT 1 FROM organisation_members WHERE user_id = $1 AND organisation_id = $2) AS ok")
        .bind::<SqlUuid, _>(user_id)
        .bind::<SqlUuid, _>(org_id)
        .get_result(conn)
        .await?;
    Ok(found.ok)
}

/// The organisations a user acts for.
pub async fn memberships(conn: &mut AsyncPgConnection, user_id: Uuid) -> StoreResult<Vec<Uuid>> {
    use crate::schema::organisation_members as m;
    Ok(m::table
        .filter(m::user_id.eq(user_id))
        .select(m::organisation_id)
        .load(conn)
        .await?)
}

/// Adds a membership unless present.
pub async fn ensure_member(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    org_id: Uuid,
) -> StoreResult<()> {
    use crate::schema::organisation_members as m;
    diesel::insert_into(m::table)
        .values((m::user_id.eq(user_id), m::organisation_id.eq(org_id)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// Possible duplicates: same compound and category, filed within three days, still open.
pub async fn possible_duplicates(
    conn: &mut AsyncPgConnection,
    c: &Complaint,
) -> StoreResult<Vec<Complaint>> {
    Ok(diesel::sql_query(format!(
        "{SELECT} WHERE c.compound_id = $1 AND c.category_code = $2 AND c.id <> $3 AND c.duplicate_of IS NULL \
         AND c.status NOT IN ('rejected', 'closed') AND c.created_at BETWEEN $4 - interval '72 hours' AND $4 + interval '72 hours' \
         ORDER BY c.created_at LIMIT 20"
    ))
    .bind::<SqlUuid, _>(c.compound_id)
    .bind::<Text, _>(&c.category_code)
    .bind::<SqlUuid, _>(c.id)
    .bind::<Timestamptz, _>(c.created_at)
    .load(conn)
    .await?)
}

/// Merges `duplicate` into `into`: the duplicate is closed pointing at the one that
/// carries on; both timelines say so.
pub async fn merge(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    duplicate: &Complaint,
    into: &Complaint,
    expected_version: i64,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE complaints SET status = 'closed', closed_at = linli_now(), duplicate_of = $2, version = version + 1, \
             updated_at = linli_now() WHERE id = $1 AND version = $3",
        )
        .bind::<SqlUuid, _>(duplicate.id)
        .bind::<SqlUuid, _>(into.id)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let note = format!("合并至 {} / merged into {}", into.number, into.number);
        add_event(tx, ctx, duplicate.id, "merge", Some(duplicate.status()), Status::Closed, Some(&note)).await?;
        add_event(tx, ctx, into.id, "merged_in", Some(into.status()), into.status(), Some(&format!("合并 {} / merged {}", duplicate.number, duplicate.number))).await?;
        journal::record(tx, ctx, Entry {
            action: "complaint.status_changed",
            object_type: "complaint",
            object_id: duplicate.id.to_string(),
            area_path: Some(duplicate.area_path.clone()),
            before: Some(json!({"status": duplicate.status}),),
            after: Some(json!({"status": "closed", "duplicate_of": into.id})),
            event_data: json!({"complaint_id": duplicate.id, "number": duplicate.number, "from": duplicate.status, "to": "closed", "action": "merge", "duplicate_of": into.id}),
        })
        .await?;
        Ok(())
    })
    .await
}

#[derive(QueryableByName)]
struct Due {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
}

/// Marks complaints whose deadline passed as overdue and escalates them one level up the
/// area tree (community -> subdistrict -> district, 督办), once per missed deadline:
/// timeline entry, audit entry and `complaint.overdue` event each. Returns how many.
///
/// It also folds the deltas the triggers append to `complaint_status_counts` (see
/// [`counts`]) into one row per key, so badge reads stay small; sums are unchanged.
pub async fn sweep_overdue(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> StoreResult<usize> {
    crate::sql::query("SELECT complaint_status_counts_compact()")
        .execute(conn)
        .await?;
    let due: Vec<Due> = crate::sql::query(
        "SELECT id FROM complaints WHERE NOT overdue AND ( \
           (status = 'assigned' AND sign_by < $1) OR (status IN ('signed', 'in_progress') AND resolve_by < $1)) \
         ORDER BY id LIMIT 500",
    )
    .bind::<Timestamptz, _>(now)
    .load(conn)
    .await?;
    let ctx = AuditContext::system("SLA sweeper");
    let mut done = 0;
    for d in due {
        let swept = conn
            .transaction::<_, StoreError, _>(async |tx| {
                // Lock and re-check: another sweeper may have taken it meanwhile.
                let rows: Vec<Complaint> = diesel::sql_query(format!("{SELECT} WHERE c.id = $1 AND NOT c.overdue FOR UPDATE OF c SKIP LOCKED"))
                    .bind::<SqlUuid, _>(d.id)
                    .load(tx)
                    .await?;
                let Some(c) = rows.into_iter().next() else {
                    return Ok(false);
                };
                let missed = if c.status() == Status::Assigned { "sign_by" } else { "resolve_by" };
                crate::sql::query(
                    "UPDATE complaints SET overdue = true, escalation_level = LEAST(2, escalation_level + 1), \
                     version = version + 1, updated_at = linli_now() WHERE id = $1",
                )
                .bind::<SqlUuid, _>(c.id)
                .execute(tx)
                .await?;
                let level = (c.escalation_level + 1).min(2);
                let to = if level >= 2 { "district" } else { "subdistrict" };
                let note = format!("超期（{missed}）督办至{} / overdue ({missed}); escalated to the {to}", if level >= 2 { "区" } else { "街道" });
                add_event(tx, &ctx, c.id, "escalate", Some(c.status()), c.status(), Some(&note)).await?;
                journal::record(tx, &ctx, Entry {
                    action: "complaint.overdue",
                    object_type: "complaint",
                    object_id: c.id.to_string(),
                    area_path: Some(c.area_path.clone()),
                    before: Some(json!({"overdue": false, "escalation_level": c.escalation_level})),
                    after: Some(json!({"overdue": true, "escalation_level": level, "missed": missed})),
                    event_data: json!({"complaint_id": c.id, "number": c.number, "missed": missed, "escalated_to": to, "escalation_level": level}),
                })
                .await?;
                Ok(true)
            })
            .await?;
        if swept {
            done += 1;
        }
    }
    Ok(done)
}

/// The deadline `hours` working hours after `now`.
pub fn deadline(calendar: &WorkingCalendar, now: DateTime<Utc>, hours: i32) -> DateTime<Utc> {
    calendar.add_working_hours(now, i64::from(hours))
}

/// The working-day calendar as configured (public holidays and make-up working days).
pub async fn calendar(conn: &mut AsyncPgConnection) -> StoreResult<WorkingCalendar> {
    use crate::schema::calendar_days as d;
    let days: Vec<(chrono::NaiveDate, String)> =
        d::table.select((d::day, d::kind)).load(conn).await?;
    Ok(WorkingCalendar::from_days(
        days.into_iter().map(|(day, kind)| (day, kind == "holiday")),
    ))
}

/// One configured day.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct CalendarDay {
    pub day: chrono::NaiveDate,
    pub kind: String,
    pub note: String,
}

/// Configured days of a year.
pub async fn calendar_days(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> StoreResult<Vec<CalendarDay>> {
    use crate::schema::calendar_days as d;
    let (from, to) = (
        chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    Ok(d::table
        .filter(d::day.between(from, to))
        .select((d::day, d::kind, d::note))
        .order(d::day.asc())
        .load(conn)
        .await?)
}

/// Sets (or, with `kind = None`, removes) a holiday or make-up working day; audited.
pub async fn set_calendar_day(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    day: chrono::NaiveDate,
    kind: Option<&str>,
    note: &str,
) -> StoreResult<()> {
    use crate::schema::calendar_days as d;
    conn.transaction::<_, StoreError, _>(async |tx| {
        match kind {
            Some(kind) => {
                diesel::insert_into(d::table)
                    .values((d::day.eq(day), d::kind.eq(kind), d::note.eq(note)))
                    .on_conflict(d::day)
                    .do_update()
                    .set((d::kind.eq(kind), d::note.eq(note)))
                    .execute(tx)
                    .await?;
            }
            None => {
                diesel::delete(d::table.find(day)).execute(tx).await?;
            }
        }
        crate::audit::record(
            tx,
            ctx,
            crate::audit::Change {
                action: "calendar_day.set",
                object_type: "calendar_day",
                object_id: day.to_string(),
                area_path: None,
                before: None,
                after: Some(json!({"kind": kind, "note": note})),
            },
        )
        .await?;
        Ok(())
    })
    .await
}

/// A stored photo's facts.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Attachment {
    pub id: Uuid,
    pub complaint_id: Uuid,
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    pub stored_path: String,
    pub uploader_name: String,
    pub created_at: DateTime<Utc>,
}

macro_rules! attachment_columns {
    () => {{
        use crate::schema::complaint_attachments as a;
        (
            a::id,
            a::complaint_id,
            a::purpose,
            a::content_type,
            a::size_bytes,
            a::file_name,
            a::stored_path,
            a::uploader_name,
            a::created_at,
        )
    }};
}

/// A photo to record (the file is already written).
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub id: Uuid,
    pub purpose: &'static str,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    pub file_name: String,
    pub stored_path: String,
}

/// Records a photo on a complaint, with a timeline entry; audited.
pub async fn add_attachment(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &Complaint,
    new: &NewAttachment,
) -> StoreResult<()> {
    use crate::schema::complaint_attachments as a;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(a::table)
            .values((
                a::id.eq(new.id),
                a::complaint_id.eq(c.id),
                a::purpose.eq(new.purpose),
                a::content_type.eq(new.content_type),
                a::size_bytes.eq(new.size_bytes),
                a::sha256.eq(&new.sha256),
                a::file_name.eq(&new.file_name),
                a::stored_path.eq(&new.stored_path),
                a::uploaded_by.eq(ctx.actor_id),
                a::uploader_name.eq(&ctx.actor_name),
            ))
            .execute(tx)
            .await?;
        add_event(tx, ctx, c.id, "attach", Some(c.status()), c.status(), Some(&format!("上传照片 {} / photo added", new.file_name))).await?;
        crate::audit::record(tx, ctx, crate::audit::Change {
            action: "complaint.attachment_added",
            object_type: "complaint",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: None,
            after: Some(json!({"attachment_id": new.id, "purpose": new.purpose, "content_type": new.content_type, "size_bytes": new.size_bytes})),
        })
        .await?;
        Ok(())
    })
    .await
}

/// A complaint's photos, oldest first.
pub async fn attachments_of(
    conn: &mut AsyncPgConnection,
    complaint_id: Uuid,
) -> StoreResult<Vec<Attachment>> {
    use crate::schema::complaint_attachments as a;
    Ok(a::table
        .filter(a::complaint_id.eq(complaint_id))
        .select(attachment_columns!())
        .order(a::created_at.asc())
        .load(conn)
        .await?)
}

/// One photo of a complaint.
pub async fn attachment(
    conn: &mut AsyncPgConnection,
    complaint_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<Attachment>> {
    use crate::schema::complaint_attachments as a;
    Ok(a::table
        .filter(a::complaint_id.eq(complaint_id))
        .filter(a::id.eq(id))
        .select(attachment_columns!())
        .first(conn)
        .await
        .optional()?)
}

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
            crate::audit::record(
                tx,
                ctx,
                crate::audit::Change {
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
            event_data: json!({"complaint_id": c.id, "number": c.number, "from": c.status, "to": c.status, "action": action}),
        })
        .await?;
        Ok(())
    })
    .await
}
