//! Allowance payments: programmes, assessments, bank details, payment cycles, their lines
//! (payments), transfers (disbursements) and bank return files.
//!
//! The database holds the rules money depends on: a person-month of a programme has at
//! most one transfer that has not failed (partial unique index), one open cycle per
//! programme-month, the approver is not the preparer.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Date, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    allowance::{
        Assessed, AssessmentResult, BankOutcome, Candidate, CycleStatus, HeldPost, Reason, Terms,
        decide, month_end,
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

// ---- programmes ---------------------------------------------------------------------

/// An allowance programme.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Programme {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub org_kind: String,
    #[diesel(sql_type = Text)]
    pub post_title: String,
    #[diesel(sql_type = BigInt)]
    pub amount_fen_per_month: i64,
    #[diesel(sql_type = Text)]
    pub required_result: String,
    #[diesel(sql_type = BigInt)]
    pub annual_budget_fen: i64,
    #[diesel(sql_type = Bool)]
    pub pro_rata: bool,
    #[diesel(sql_type = Bool)]
    pub active: bool,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    /// `required_result`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = required_result)]
    required: crate::error::Code<AssessmentResult>,
}

impl Programme {
    /// The terms the eligibility rule applies.
    pub fn terms(&self) -> Terms {
        Terms {
            amount_fen_per_month: self.amount_fen_per_month,
            required: self.required.0,
            pro_rata: self.pro_rata,
        }
    }
}

const PROGRAMME_SELECT: &str = "SELECT p.id, p.name, p.area_id, a.name AS area_name, p.area_path, p.org_kind, p.post_title, \
    p.amount_fen_per_month, p.required_result, p.annual_budget_fen, p.pro_rata, p.active, p.version, p.created_at \
    FROM allowance_programmes p JOIN areas a ON a.id = p.area_id";

/// Programmes whose area lies in the scope, or whose area contains it (a subdistrict's
/// finance officer sees the district's programme).
const PROGRAMME_VISIBLE: &str = "(p.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE s LIKE p.area_path || '%'))";

/// Visible programmes by name.
pub async fn programmes(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
) -> StoreResult<Vec<Programme>> {
    Ok(diesel::sql_query(format!(
        "{PROGRAMME_SELECT} WHERE {PROGRAMME_VISIBLE} ORDER BY p.name LIMIT 200"
    ))
    .bind::<Array<Text>, _>(patterns)
    .load(conn)
    .await?)
}

/// One visible programme.
pub async fn programme(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Programme> {
    let rows = diesel::sql_query(format!(
        "{PROGRAMME_SELECT} WHERE p.id = $2 AND {PROGRAMME_VISIBLE}"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "allowance programme")
}

/// A programme's fields.
#[derive(Debug, Clone)]
pub struct ProgrammeDraft {
    pub name: String,
    pub area_id: Uuid,
    pub area_path: String,
    pub org_kind: String,
    pub post_title: String,
    pub amount_fen_per_month: i64,
    pub required_result: AssessmentResult,
    pub annual_budget_fen: i64,
    pub pro_rata: bool,
    pub active: bool,
}

fn programme_json(d: &ProgrammeDraft) -> serde_json::Value {
    json!({"name": d.name, "area_id": d.area_id, "org_kind": d.org_kind, "post_title": d.post_title,
        "amount_fen_per_month": d.amount_fen_per_month, "required_result": d.required_result.as_str(),
        "annual_budget_fen": d.annual_budget_fen, "pro_rata": d.pro_rata, "active": d.active})
}

fn name_taken(e: StoreError) -> StoreError {
    match &e {
        StoreError::Domain(DomainError::Conflict(c)) if c.contains("name_once") => {
            DomainError::field(
                "name",
                "已有同名津贴项目 / a programme with this name exists",
            )
            .into()
        }
        _ => e,
    }
}

/// Creates a programme.
pub async fn create_programme(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    d: &ProgrammeDraft,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO allowance_programmes (id, name, area_id, area_path, org_kind, post_title, amount_fen_per_month, \
             required_result, annual_budget_fen, pro_rata, active, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Text, _>(&d.name)
        .bind::<SqlUuid, _>(d.area_id)
        .bind::<Text, _>(&d.area_path)
        .bind::<Text, _>(&d.org_kind)
        .bind::<Text, _>(&d.post_title)
        .bind::<BigInt, _>(d.amount_fen_per_month)
        .bind::<Text, _>(d.required_result.as_str())
        .bind::<BigInt, _>(d.annual_budget_fen)
        .bind::<Bool, _>(d.pro_rata)
        .bind::<Bool, _>(d.active)
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        let after = programme_json(d);
        journal::record(tx, ctx, Entry {
            action: "allowance_programme.created",
            object_type: "allowance_programme",
            object_id: id.to_string(),
            area_path: Some(d.area_path.clone()),
            before: None,
            after: Some(after.clone()),
            event_data: after,
        })
        .await
    })
    .await
    .map_err(name_taken)?;
    Ok(id)
}

/// Changes a programme (its area stays).
pub async fn update_programme(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    before: &Programme,
    expected_version: i64,
    d: &ProgrammeDraft,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE allowance_programmes SET name = $2, org_kind = $3, post_title = $4, amount_fen_per_month = $5, \
             required_result = $6, annual_budget_fen = $7, pro_rata = $8, active = $9, version = version + 1, updated_at = linli_now() \
             WHERE id = $1 AND version = $10",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Text, _>(&d.name)
        .bind::<Text, _>(&d.org_kind)
        .bind::<Text, _>(&d.post_title)
        .bind::<BigInt, _>(d.amount_fen_per_month)
        .bind::<Text, _>(d.required_result.as_str())
        .bind::<BigInt, _>(d.annual_budget_fen)
        .bind::<Bool, _>(d.pro_rata)
        .bind::<Bool, _>(d.active)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let after = programme_json(d);
        journal::record(tx, ctx, Entry {
            action: "allowance_programme.updated",
            object_type: "allowance_programme",
            object_id: before.id.to_string(),
            area_path: Some(before.area_path.clone()),
            before: Some(json!({"name": before.name, "org_kind": before.org_kind, "post_title": before.post_title,
                "amount_fen_per_month": before.amount_fen_per_month, "required_result": before.required_result,
                "annual_budget_fen": before.annual_budget_fen, "pro_rata": before.pro_rata, "active": before.active})),
            after: Some(after.clone()),
            event_data: after,
        })
        .await
    })
    .await
    .map_err(name_taken)
}

/// Budget use of a programme in a year: (committed, paid). Committed counts the included
/// lines of approved and later cycles whose transfer has not failed.
pub async fn budget_use(
    conn: &mut AsyncPgConnection,
    programme_id: Uuid,
    year: i32,
) -> StoreResult<(i64, i64)> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        committed: i64,
        #[diesel(sql_type = BigInt)]
        paid: i64,
    }
    let r: Row = crate::sql::query(
        "SELECT \
           (SELECT COALESCE(sum(l.amount_fen), 0) FROM payments l JOIN payment_cycles c ON c.id = l.cycle_id \
             LEFT JOIN disbursements d ON d.payment_id = l.id \
             WHERE l.programme_id = $1 AND l.decision = 'included' AND c.status IN ('approved', 'disbursed', 'reconciled', 'closed') \
               AND extract(year FROM l.period_month) = $2 AND (d.id IS NULL OR d.status <> 'failed'))::bigint AS committed, \
           (SELECT COALESCE(sum(d.amount_fen), 0) FROM disbursements d \
             WHERE d.programme_id = $1 AND d.status = 'paid' AND extract(year FROM d.period_month) = $2)::bigint AS paid",
    )
    .bind::<SqlUuid, _>(programme_id)
    .bind::<Integer, _>(year)
    .get_result(conn)
    .await?;
    Ok((r.committed, r.paid))
}

// ---- assessments --------------------------------------------------------------------

/// An assessment with the person's name.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Assessment {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Date)]
    pub period_start: NaiveDate,
    #[diesel(sql_type = Date)]
    pub period_end: NaiveDate,
    #[diesel(sql_type = Integer)]
    pub score: i32,
    #[diesel(sql_type = Text)]
    pub result: String,
    #[diesel(sql_type = Text)]
    pub assessor: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub notes: Option<String>,
    /// Payment cycles that used this assessment.
    #[diesel(sql_type = BigInt)]
    pub used_by_cycles: i64,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub updated_at: DateTime<Utc>,
}

const ASSESSMENT_SELECT: &str = "SELECT s.id, s.person_id, pe.name AS person_name, s.period_start, s.period_end, s.score, \
    s.result, s.assessor, s.notes, (SELECT count(DISTINCT l.cycle_id) FROM payments l WHERE l.assessment_id = s.id) AS used_by_cycles, \
    s.version, s.updated_at FROM assessments s JOIN people pe ON pe.id = s.person_id";

/// People are visible where their home compound lies, or where they hold a post.
const PERSON_VISIBLE: &str = "EXISTS (SELECT 1 FROM areas ha WHERE ha.id = pe.home_compound_id AND ha.path LIKE ANY($1)) \
    OR EXISTS (SELECT 1 FROM posts po JOIN organisations o ON o.id = po.organisation_id JOIN areas oa ON oa.id = o.area_id \
               WHERE po.person_id = pe.id AND oa.path LIKE ANY($1))";

/// Filters of the assessment list.
#[derive(Debug, Clone, Default)]
pub struct AssessmentFilter {
    pub person_id: Option<Uuid>,
    /// Assessments covering this day.
    pub on: Option<NaiveDate>,
    pub result: Option<String>,
}

/// Visible assessments, newest period first.
pub async fn assessments(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    filter: &AssessmentFilter,
    limit: i64,
) -> StoreResult<Vec<Assessment>> {
    Ok(diesel::sql_query(format!(
        "{ASSESSMENT_SELECT} WHERE ({PERSON_VISIBLE}) AND ($2::uuid IS NULL OR s.person_id = $2) \
         AND ($3::date IS NULL OR $3 BETWEEN s.period_start AND s.period_end) AND ($4::text IS NULL OR s.result = $4) \
         ORDER BY s.period_end DESC, pe.name, s.id LIMIT $5"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(filter.person_id)
    .bind::<Nullable<Date>, _>(filter.on)
    .bind::<Nullable<Text>, _>(filter.result.as_deref())
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One visible assessment.
pub async fn assessment(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Assessment> {
    let rows = diesel::sql_query(format!(
        "{ASSESSMENT_SELECT} WHERE s.id = $2 AND ({PERSON_VISIBLE})"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "assessment")
}

/// Whether a person is visible in the scope.
pub async fn person_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person_id: Uuid,
) -> StoreResult<bool> {
    #[derive(QueryableByName)]
    struct Hit {
        #[diesel(sql_type = Bool)]
        hit: bool,
    }
    let h: Hit = diesel::sql_query(format!(
        "SELECT EXISTS (SELECT 1 FROM people pe WHERE pe.id = $2 AND ({PERSON_VISIBLE})) AS hit"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(person_id)
    .get_result(conn)
    .await?;
    Ok(h.hit)
}

/// An assessment's fields.
#[derive(Debug, Clone)]
pub struct AssessmentDraft {
    pub person_id: Uuid,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    pub result: AssessmentResult,
    pub assessor: String,
    pub notes: Option<String>,
}

fn assessment_json(d: &AssessmentDraft) -> serde_json::Value {
    json!({"person_id": d.person_id, "period_start": d.period_start, "period_end": d.period_end,
        "score": d.score, "result": d.result.as_str(), "assessor": d.assessor, "notes": d.notes})
}

fn overlapping(e: StoreError) -> StoreError {
    match &e {
        StoreError::Domain(DomainError::Conflict(c)) if c.contains("no_overlap") => {
            DomainError::field(
                "period_start",
                "该人员在此期间已有考评记录 / the person already has an assessment overlapping this period",
            )
            .into()
        }
        _ => e,
    }
}

async fn insert_assessments(
    tx: &mut AsyncPgConnection,
    drafts: &[AssessmentDraft],
    recorded_by: Option<Uuid>,
) -> StoreResult<Vec<Uuid>> {
    use crate::schema::assessments as s;
    let ids: Vec<Uuid> = drafts.iter().map(|_| Uuid::now_v7()).collect();
    let rows: Vec<_> = drafts
        .iter()
        .zip(&ids)
        .map(|(d, id)| {
            (
                s::id.eq(*id),
                s::person_id.eq(d.person_id),
                s::period_start.eq(d.period_start),
                s::period_end.eq(d.period_end),
                s::score.eq(d.score),
                s::result.eq(d.result.as_str()),
                s::assessor.eq(d.assessor.as_str()),
                s::notes.eq(d.notes.as_deref()),
                s::recorded_by.eq(recorded_by),
            )
        })
        .collect();
    for batch in rows.chunks(5_000) {
        diesel::insert_into(s::table)
            .values(batch)
            .execute(tx)
            .await
            .map_err(|e| overlapping(e.into()))?;
    }
    Ok(ids)
}

/// Records an assessment.
pub async fn create_assessment(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    d: &AssessmentDraft,
) -> StoreResult<Uuid> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let ids = insert_assessments(tx, std::slice::from_ref(d), ctx.user_id()).await?;
        let id = ids.as_slice().first().copied().unwrap_or_default();
        journal::record(tx, ctx, Entry {
            action: "assessment.created",
            object_type: "assessment",
            object_id: id.to_string(),
            area_path: Some(area_path.to_owned()),
            before: None,
            after: Some(assessment_json(d)),
            event_data: json!({"person_id": d.person_id, "period_start": d.period_start, "period_end": d.period_end}),
        })
        .await?;
        Ok(id)
    })
    .await
}

/// Changes an assessment. Payment cycles that used it are flagged (`assessments_changed`)
/// and the change is audited, so an approved payment can be traced to what it rested on.
pub async fn update_assessment(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    before: &Assessment,
    expected_version: i64,
    d: &AssessmentDraft,
) -> StoreResult<i64> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE assessments SET period_start = $2, period_end = $3, score = $4, result = $5, assessor = $6, notes = $7, \
             version = version + 1, updated_at = linli_now() WHERE id = $1 AND version = $8",
        )
        .bind::<SqlUuid, _>(before.id)
        .bind::<Date, _>(d.period_start)
        .bind::<Date, _>(d.period_end)
        .bind::<Integer, _>(d.score)
        .bind::<Text, _>(d.result.as_str())
        .bind::<Text, _>(&d.assessor)
        .bind::<Nullable<Text>, _>(d.notes.as_deref())
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await
        .map_err(|e| overlapping(e.into()))?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let flagged = crate::sql::query(
            "UPDATE payment_cycles SET assessments_changed = true, version = version + 1 \
             WHERE id IN (SELECT cycle_id FROM payments WHERE assessment_id = $1) AND NOT assessments_changed",
        )
        .bind::<SqlUuid, _>(before.id)
        .execute(tx)
        .await?;
        journal::record(tx, ctx, Entry {
            action: "assessment.updated",
            object_type: "assessment",
            object_id: before.id.to_string(),
            area_path: Some(area_path.to_owned()),
            before: Some(json!({"period_start": before.period_start, "period_end": before.period_end,
                "score": before.score, "result": before.result, "assessor": before.assessor, "notes": before.notes})),
            after: Some(assessment_json(d)),
            event_data: json!({"person_id": d.person_id, "used_by_cycles": before.used_by_cycles}),
        })
        .await?;
        Ok(i64::try_from(flagged).unwrap_or_default())
    })
    .await
}

/// Records many assessments in one transaction: all or none.
pub async fn import_assessments(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    drafts: &[AssessmentDraft],
) -> StoreResult<usize> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        insert_assessments(tx, drafts, ctx.user_id()).await?;
        let data = json!({"count": drafts.len()});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "assessment.imported",
                object_type: "assessment",
                object_id: format!("import:{}", Uuid::now_v7()),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(data.clone()),
                event_data: data,
            },
        )
        .await?;
        Ok(drafts.len())
    })
    .await
}

/// Visible people by name or ID-number suffix, for import rows: name -> ids.
pub async fn people_by_name(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    names: &[String],
) -> StoreResult<HashMap<String, Vec<Uuid>>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT pe.name, pe.id FROM people pe WHERE pe.name = ANY($2) AND ({PERSON_VISIBLE})"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Array<Text>, _>(names)
    .load(conn)
    .await?;
    let mut out: HashMap<String, Vec<Uuid>> = HashMap::new();
    for r in rows {
        out.entry(r.name).or_default().push(r.id);
    }
    Ok(out)
}

// ---- bank accounts ------------------------------------------------------------------

/// A person's bank account (full number: callers mask it).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct BankAccount {
    pub person_id: Uuid,
    pub bank_name: String,
    pub account_no: String,
    pub account_name: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// A person's bank account, if on file.
pub async fn bank_account(
    conn: &mut AsyncPgConnection,
    person_id: Uuid,
) -> StoreResult<Option<BankAccount>> {
    use crate::schema::bank_accounts as b;
    Ok(b::table
        .find(person_id)
        .select((
            b::person_id,
            b::bank_name,
            b::account_no,
            b::account_name,
            b::version,
            b::updated_at,
        ))
        .first(conn)
        .await
        .optional()?)
}

/// Sets a person's bank account; the audit log keeps only the masked number.
pub async fn set_bank_account(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    person_id: Uuid,
    bank_name: &str,
    account_no: &str,
    account_name: &str,
) -> StoreResult<()> {
    use crate::schema::bank_accounts as b;
    let before = bank_account(conn, person_id).await?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(b::table)
            .values((
                b::person_id.eq(person_id),
                b::bank_name.eq(bank_name),
                b::account_no.eq(account_no),
                b::account_name.eq(account_name),
            ))
            .on_conflict(b::person_id)
            .do_update()
            .set((
                b::bank_name.eq(bank_name),
                b::account_no.eq(account_no),
                b::account_name.eq(account_name),
                b::version.eq(b::version + 1),
                b::updated_at.eq(crate::clock::linli_now()),
            ))
            .execute(tx)
            .await?;
        let mask = linli_domain::allowance::mask_account;
        journal::record(tx, ctx, Entry {
            action: "bank_account.updated",
            object_type: "person",
            object_id: person_id.to_string(),
            area_path: Some(area_path.to_owned()),
            before: before.map(|b| json!({"bank_name": b.bank_name, "account_no": mask(&b.account_no), "account_name": b.account_name})),
            after: Some(json!({"bank_name": bank_name, "account_no": mask(account_no), "account_name": account_name})),
            event_data: json!({"person_id": person_id}),
        })
        .await
    })
    .await
}

// ---- cycles -------------------------------------------------------------------------

/// A payment cycle with its totals.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Cycle {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub programme_id: Uuid,
    #[diesel(sql_type = Text)]
    pub programme_name: String,
    #[diesel(sql_type = Date)]
    pub month: NaiveDate,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub status: String,
    #[diesel(sql_type = SqlUuid)]
    pub prepared_by: Uuid,
    #[diesel(sql_type = Text)]
    pub prepared_by_name: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub approved_by: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub approved_by_name: Option<String>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub generated_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub submitted_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub approved_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub disbursed_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    pub reconciled_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Bool)]
    pub assessments_changed: bool,
    #[diesel(sql_type = BigInt)]
    pub candidates: i64,
    #[diesel(sql_type = BigInt)]
    pub included: i64,
    #[diesel(sql_type = BigInt)]
    pub held: i64,
    #[diesel(sql_type = BigInt)]
    pub total_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub paid_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub failed: i64,
    #[diesel(sql_type = BigInt)]
    pub awaiting_outcome: i64,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    /// `status`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = status)]
    checked_status: crate::error::Code<CycleStatus>,
}

impl Cycle {
    /// The stored status.
    pub fn status(&self) -> CycleStatus {
        self.checked_status.0
    }
}

const CYCLE_SELECT: &str = "SELECT c.id, c.programme_id, p.name AS programme_name, c.month, c.area_path, c.status, c.prepared_by, \
    COALESCE(pu.display_name, '') AS prepared_by_name, c.approved_by, au.display_name AS approved_by_name, c.generated_at, \
    c.submitted_at, c.approved_at, c.disbursed_at, c.reconciled_at, c.assessments_changed, \
    (SELECT count(*) FROM payments l WHERE l.cycle_id = c.id) AS candidates, \
    (SELECT count(*) FROM payments l WHERE l.cycle_id = c.id AND l.decision = 'included') AS included, \
    (SELECT count(*) FROM payments l WHERE l.cycle_id = c.id AND l.decision = 'held') AS held, \
    (SELECT COALESCE(sum(l.amount_fen), 0) FROM payments l WHERE l.cycle_id = c.id AND l.decision = 'included')::bigint AS total_fen, \
    (SELECT COALESCE(sum(d.amount_fen), 0) FROM disbursements d WHERE d.cycle_id = c.id AND d.status = 'paid')::bigint AS paid_fen, \
    (SELECT count(*) FROM disbursements d WHERE d.cycle_id = c.id AND d.status = 'failed') AS failed, \
    (SELECT count(*) FROM disbursements d WHERE d.cycle_id = c.id AND d.status = 'sent') AS awaiting_outcome, \
    c.version, c.created_at \
    FROM payment_cycles c JOIN allowance_programmes p ON p.id = c.programme_id \
    LEFT JOIN users pu ON pu.id = c.prepared_by LEFT JOIN users au ON au.id = c.approved_by";

const CYCLE_VISIBLE: &str = "(c.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE s LIKE c.area_path || '%'))";

/// Visible cycles, newest month first.
pub async fn cycles(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    programme_id: Option<Uuid>,
    status: Option<&str>,
) -> StoreResult<Vec<Cycle>> {
    Ok(diesel::sql_query(format!(
        "{CYCLE_SELECT} WHERE {CYCLE_VISIBLE} AND ($2::uuid IS NULL OR c.programme_id = $2) \
         AND ($3::text IS NULL OR c.status = $3) ORDER BY c.month DESC, c.created_at DESC LIMIT 200"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<Nullable<SqlUuid>, _>(programme_id)
    .bind::<Nullable<Text>, _>(status)
    .load(conn)
    .await?)
}

/// One visible cycle.
pub async fn cycle(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Cycle> {
    let rows = diesel::sql_query(format!(
        "{CYCLE_SELECT} WHERE c.id = $2 AND {CYCLE_VISIBLE}"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    only_row(rows, "payment cycle")
}

/// Opens a cycle for a programme-month (one open cycle at a time) and generates its lines.
pub async fn create_cycle(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    programme: &Programme,
    month: NaiveDate,
) -> StoreResult<Uuid> {
    let preparer = ctx.user_id().ok_or(DomainError::Forbidden)?;
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO payment_cycles (id, programme_id, month, area_path, prepared_by) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(programme.id)
        .bind::<Date, _>(month)
        .bind::<Text, _>(&programme.area_path)
        .bind::<SqlUuid, _>(preparer)
        .execute(tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Domain(DomainError::Conflict(c)) if c.contains("one_open_per_month") => {
                StoreError::Domain(DomainError::field(
                    "month",
                    "该月已有未发放的批次，请先完成它 / this month already has a cycle that is not disbursed yet",
                ))
            }
            other => other,
        })?;
        journal::record(tx, ctx, Entry {
            action: "payment_cycle.created",
            object_type: "payment_cycle",
            object_id: id.to_string(),
            area_path: Some(programme.area_path.clone()),
            before: None,
            after: Some(json!({"programme_id": programme.id, "month": month})),
            event_data: json!({"programme_id": programme.id, "month": month}),
        })
        .await?;
        generate_in(tx, ctx, programme, id, month).await?;
        Ok(())
    })
    .await?;
    Ok(id)
}

/// Recomputes a draft cycle's lines from posts, assessments, payments and bank details.
/// Holds placed on lines are kept for people who are still included.
pub async fn regenerate(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    programme: &Programme,
    cycle_id: Uuid,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let status: String =
            crate::sql::query("SELECT status FROM payment_cycles WHERE id = $1 FOR UPDATE")
                .bind::<SqlUuid, _>(cycle_id)
                .get_result::<StatusRow>(tx)
                .await?
                .status;
        if status != "draft" {
            return Err(DomainError::WrongState {
                code: "cycle_not_draft",
                detail: "只能重新生成草稿状态的批次 / only a draft cycle can be regenerated".into(),
                allowed: vec![],
            }
            .into());
        }
        let month: NaiveDate = crate::sql::query("SELECT month FROM payment_cycles WHERE id = $1")
            .bind::<SqlUuid, _>(cycle_id)
            .get_result::<MonthRow>(tx)
            .await?
            .month;
        generate_in(tx, ctx, programme, cycle_id, month).await
    })
    .await
}

#[derive(QueryableByName)]
struct StatusRow {
    #[diesel(sql_type = Text)]
    status: String,
}

#[derive(QueryableByName)]
struct MonthRow {
    #[diesel(sql_type = Date)]
    month: NaiveDate,
}

#[derive(QueryableByName)]
struct PostRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    post_id: Uuid,
    #[diesel(sql_type = Text)]
    organisation_name: String,
    #[diesel(sql_type = Nullable<Text>)]
    compound_name: Option<String>,
    #[diesel(sql_type = Date)]
    start_date: NaiveDate,
    #[diesel(sql_type = Nullable<Date>)]
    end_date: Option<NaiveDate>,
}

#[derive(QueryableByName)]
struct AssessedRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = BigInt)]
    version: i64,
    #[diesel(sql_type = Date)]
    period_start: NaiveDate,
    #[diesel(sql_type = Date)]
    period_end: NaiveDate,
    #[diesel(sql_type = Integer)]
    score: i32,
    #[diesel(sql_type = Text)]
    result: crate::error::Code<AssessmentResult>,
}

#[derive(QueryableByName)]
struct CarriedRow {
    #[diesel(sql_type = SqlUuid)]
    payment_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
    #[diesel(sql_type = Date)]
    period_month: NaiveDate,
    #[diesel(sql_type = BigInt)]
    amount_fen: i64,
    #[diesel(sql_type = Text)]
    failure_reason: String,
    #[diesel(sql_type = Nullable<Text>)]
    organisation_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    compound_name: Option<String>,
}

#[derive(QueryableByName)]
struct PersonRow {
    #[diesel(sql_type = SqlUuid)]
    person_id: Uuid,
}

/// Writes the lines of a cycle: every candidate with a decision and its explanation.
async fn generate_in(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    programme: &Programme,
    cycle_id: Uuid,
    month: NaiveDate,
) -> StoreResult<()> {
    let last = month_end(month);
    let pattern = format!("{}%", programme.area_path);
    // Candidates: whoever held the post in the last year up to the month's end.
    let posts: Vec<PostRow> = crate::sql::query(
        "SELECT po.person_id, po.id AS post_id, o.name AS organisation_name, \
           (SELECT ca.name FROM organisation_compounds oc JOIN areas ca ON ca.id = oc.compound_id WHERE oc.organisation_id = o.id ORDER BY ca.name LIMIT 1) AS compound_name, \
           po.start_date, po.end_date \
         FROM posts po JOIN organisations o ON o.id = po.organisation_id JOIN areas oa ON oa.id = o.area_id \
         WHERE o.kind = $1 AND po.title = $2 AND oa.path LIKE $3 AND po.start_date <= $5 \
           AND (po.end_date IS NULL OR po.end_date >= ($4::date - interval '12 months'))",
    )
    .bind::<Text, _>(&programme.org_kind)
    .bind::<Text, _>(&programme.post_title)
    .bind::<Text, _>(&pattern)
    .bind::<Date, _>(month)
    .bind::<Date, _>(last)
    .load(tx)
    .await?;
    let mut people: Vec<Uuid> = posts.iter().map(|p| p.person_id).collect();
    people.sort_unstable();
    people.dedup();
    let assessed: Vec<AssessedRow> = crate::sql::query(
        "SELECT DISTINCT ON (s.person_id) s.person_id, s.id, s.version, s.period_start, s.period_end, s.score, s.result \
         FROM assessments s WHERE s.person_id = ANY($1) AND s.period_start <= $3 AND s.period_end >= $2 \
         ORDER BY s.person_id, s.period_end DESC",
    )
    .bind::<Array<SqlUuid>, _>(&people)
    .bind::<Date, _>(month)
    .bind::<Date, _>(last)
    .load(tx)
    .await?;
    let paid: Vec<PersonRow> = crate::sql::query(
        "SELECT d.person_id FROM disbursements d WHERE d.programme_id = $1 AND d.period_month = $2 AND d.status <> 'failed' \
         UNION SELECT l.person_id FROM payments l JOIN payment_cycles c ON c.id = l.cycle_id \
           WHERE l.programme_id = $1 AND l.period_month = $2 AND l.decision = 'included' AND c.id <> $3 \
             AND c.status IN ('submitted', 'approved')",
    )
    .bind::<SqlUuid, _>(programme.id)
    .bind::<Date, _>(month)
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    let banked: Vec<PersonRow> =
        crate::sql::query("SELECT person_id FROM bank_accounts WHERE person_id = ANY($1)")
            .bind::<Array<SqlUuid>, _>(&people)
            .load(tx)
            .await?;
    // Failed transfers of earlier months, not paid since and not already carried elsewhere.
    let carried: Vec<CarriedRow> = crate::sql::query(
        "SELECT DISTINCT ON (d.person_id, d.period_month) l.id AS payment_id, d.person_id, d.period_month, d.amount_fen, \
           COALESCE(d.failure_reason, '') AS failure_reason, l.organisation_name, l.compound_name \
         FROM disbursements d JOIN payments l ON l.id = d.payment_id \
         WHERE d.programme_id = $1 AND d.status = 'failed' AND d.period_month < $2 \
           AND NOT EXISTS (SELECT 1 FROM disbursements x WHERE x.programme_id = d.programme_id AND x.person_id = d.person_id \
                           AND x.period_month = d.period_month AND x.status <> 'failed') \
           AND NOT EXISTS (SELECT 1 FROM payments y JOIN payment_cycles yc ON yc.id = y.cycle_id WHERE y.carried_from IS NOT NULL \
                           AND y.programme_id = d.programme_id AND y.person_id = d.person_id AND y.period_month = d.period_month \
                           AND y.decision = 'included' AND yc.id <> $3 AND yc.status IN ('submitted', 'approved')) \
           AND EXISTS (SELECT 1 FROM bank_accounts b WHERE b.person_id = d.person_id) \
         ORDER BY d.person_id, d.period_month, d.created_at DESC",
    )
    .bind::<SqlUuid, _>(programme.id)
    .bind::<Date, _>(month)
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    // Holds survive regeneration.
    #[derive(QueryableByName)]
    struct Hold {
        #[diesel(sql_type = SqlUuid)]
        person_id: Uuid,
        #[diesel(sql_type = Date)]
        period_month: NaiveDate,
        #[diesel(sql_type = Text)]
        hold_reason: String,
    }
    let holds: Vec<Hold> = crate::sql::query(
        "SELECT person_id, period_month, hold_reason FROM payments WHERE cycle_id = $1 AND decision = 'held'",
    )
    .bind::<SqlUuid, _>(cycle_id)
    .load(tx)
    .await?;
    crate::sql::query("DELETE FROM payments WHERE cycle_id = $1")
        .bind::<SqlUuid, _>(cycle_id)
        .execute(tx)
        .await?;

    let paid: std::collections::HashSet<Uuid> = paid.into_iter().map(|p| p.person_id).collect();
    let banked: std::collections::HashSet<Uuid> = banked.into_iter().map(|p| p.person_id).collect();
    let assessed: HashMap<Uuid, AssessedRow> =
        assessed.into_iter().map(|a| (a.person_id, a)).collect();
    let mut by_person: HashMap<Uuid, Vec<&PostRow>> = HashMap::new();
    for p in &posts {
        by_person.entry(p.person_id).or_default().push(p);
    }
    let terms = programme.terms();
    let mut lines: Vec<NewLine> = Vec::new();
    for person in &people {
        let held = by_person.get(person).cloned().unwrap_or_default();
        let candidate = Candidate {
            person_id: *person,
            posts: held
                .iter()
                .map(|p| HeldPost {
                    post_id: p.post_id,
                    organisation_name: p.organisation_name.clone(),
                    start_date: p.start_date,
                    end_date: p.end_date,
                })
                .collect(),
            assessment: assessed.get(person).map(|a| Assessed {
                assessment_id: a.id,
                version: a.version,
                period_start: a.period_start,
                period_end: a.period_end,
                score: a.score,
                result: a.result.0,
            }),
            already_paid: paid.contains(person),
            has_bank_account: banked.contains(person),
        };
        let decision = decide(month, terms, &candidate);
        let compound_name = decision
            .post_id
            .and_then(|id| held.iter().find(|p| p.post_id == id))
            .or(held.as_slice().first())
            .and_then(|p| p.compound_name.clone());
        lines.push(NewLine {
            person_id: *person,
            period_month: month,
            included: decision.reason.pays(),
            reason: decision.reason,
            explanation: decision.explanation,
            amount_fen: decision.amount_fen,
            post_id: decision.post_id,
            organisation_name: decision.organisation_name,
            compound_name,
            assessment: decision.assessment,
            carried_from: None,
        });
    }
    for c in carried {
        lines.push(NewLine {
            person_id: c.person_id,
            period_month: c.period_month,
            included: true,
            reason: Reason::Carried,
            explanation: format!(
                "补发 {} 津贴：上次转账失败（{}） / carried: the transfer for {} failed ({})",
                c.period_month.format("%Y-%m"),
                c.failure_reason,
                c.period_month.format("%Y-%m"),
                c.failure_reason
            ),
            amount_fen: c.amount_fen,
            post_id: None,
            organisation_name: c.organisation_name,
            compound_name: c.compound_name,
            assessment: None,
            carried_from: Some(c.payment_id),
        });
    }
    lines.sort_by(|a, b| {
        (
            &a.compound_name,
            &a.organisation_name,
            a.period_month,
            a.person_id,
        )
            .cmp(&(
                &b.compound_name,
                &b.organisation_name,
                b.period_month,
                b.person_id,
            ))
    });
    let held: HashMap<(Uuid, NaiveDate), String> = holds
        .into_iter()
        .map(|h| ((h.person_id, h.period_month), h.hold_reason))
        .collect();
    insert_lines(tx, programme.id, cycle_id, &lines, &held).await?;
    crate::sql::query("UPDATE payment_cycles SET generated_at = linli_now(), assessments_changed = false, version = version + 1 WHERE id = $1")
        .bind::<SqlUuid, _>(cycle_id)
        .execute(tx)
        .await?;
    let included = lines.iter().filter(|l| l.included).count();
    let total: i64 = lines
        .iter()
        .filter(|l| l.included)
        .map(|l| l.amount_fen)
        .sum();
    journal::record(tx, ctx, Entry {
        action: "payment_cycle.generated",
        object_type: "payment_cycle",
        object_id: cycle_id.to_string(),
        area_path: Some(programme.area_path.clone()),
        before: None,
        after: Some(json!({"candidates": lines.len(), "included": included, "total_fen": total})),
        event_data: json!({"programme_id": programme.id, "month": month, "candidates": lines.len(),
            "included": included, "total_fen": total}),
    })
    .await
}

struct NewLine {
    person_id: Uuid,
    period_month: NaiveDate,
    included: bool,
    reason: Reason,
    explanation: String,
    amount_fen: i64,
    post_id: Option<Uuid>,
    organisation_name: Option<String>,
    compound_name: Option<String>,
    assessment: Option<(Uuid, i64)>,
    carried_from: Option<Uuid>,
}

async fn insert_lines(
    tx: &mut AsyncPgConnection,
    programme_id: Uuid,
    cycle_id: Uuid,
    lines: &[NewLine],
    holds: &HashMap<(Uuid, NaiveDate), String>,
) -> StoreResult<()> {
    // Column arrays, unnested by PostgreSQL: one statement per 5,000 lines whatever the
    // number of columns (the table is outside diesel's DSL schema).
    for (chunk_index, chunk) in lines.chunks(5_000).enumerate() {
        let mut ids = Vec::new();
        let mut people = Vec::new();
        let mut months = Vec::new();
        let mut decisions = Vec::new();
        let mut reasons = Vec::new();
        let mut explanations = Vec::new();
        let mut amounts = Vec::new();
        let mut posts = Vec::new();
        let mut organisations = Vec::new();
        let mut compounds = Vec::new();
        let mut assessments = Vec::new();
        let mut assessment_versions = Vec::new();
        let mut carried = Vec::new();
        let mut hold_reasons = Vec::new();
        let mut numbers = Vec::new();
        for (i, l) in chunk.iter().enumerate() {
            let hold = holds
                .get(&(l.person_id, l.period_month))
                .filter(|_| l.included);
            ids.push(Uuid::now_v7());
            people.push(l.person_id);
            months.push(l.period_month);
            decisions.push(match (l.included, hold) {
                (true, Some(_)) => "held",
                (true, None) => "included",
                (false, _) => "excluded",
            });
            reasons.push(l.reason.as_str());
            explanations.push(l.explanation.as_str());
            amounts.push(l.amount_fen);
            posts.push(l.post_id);
            organisations.push(l.organisation_name.as_deref());
            compounds.push(l.compound_name.as_deref());
            assessments.push(l.assessment.map(|a| a.0));
            assessment_versions.push(l.assessment.map(|a| a.1));
            carried.push(l.carried_from);
            hold_reasons.push(hold.map(String::as_str));
            numbers.push(i32::try_from(chunk_index * 5_000 + i + 1).unwrap_or(i32::MAX));
        }
        crate::sql::query(
            "INSERT INTO payments (id, cycle_id, programme_id, person_id, period_month, decision, reason, explanation, amount_fen, \
               post_id, organisation_name, compound_name, assessment_id, assessment_version, carried_from, hold_reason, line_no) \
             SELECT t.id, $1, $2, t.person_id, t.period_month, t.decision, t.reason, t.explanation, t.amount_fen, t.post_id, \
               t.organisation_name, t.compound_name, t.assessment_id, t.assessment_version, t.carried_from, t.hold_reason, t.line_no \
             FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::uuid[], \
               $11::text[], $12::text[], $13::uuid[], $14::bigint[], $15::uuid[], $16::text[], $17::int[]) \
               AS t(id, person_id, period_month, decision, reason, explanation, amount_fen, post_id, organisation_name, \
                    compound_name, assessment_id, assessment_version, carried_from, hold_reason, line_no)",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<SqlUuid, _>(programme_id)
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<SqlUuid>, _>(&people)
        .bind::<Array<Date>, _>(&months)
        .bind::<Array<Text>, _>(&decisions)
        .bind::<Array<Text>, _>(&reasons)
        .bind::<Array<Text>, _>(&explanations)
        .bind::<Array<BigInt>, _>(&amounts)
        .bind::<Array<Nullable<SqlUuid>>, _>(&posts)
        .bind::<Array<Nullable<Text>>, _>(&organisations)
        .bind::<Array<Nullable<Text>>, _>(&compounds)
        .bind::<Array<Nullable<SqlUuid>>, _>(&assessments)
        .bind::<Array<Nullable<BigInt>>, _>(&assessment_versions)
        .bind::<Array<Nullable<SqlUuid>>, _>(&carried)
        .bind::<Array<Nullable<Text>>, _>(&hold_reasons)
        .bind::<Array<Integer>, _>(&numbers)
        .execute(tx)
        .await?;
    }
    Ok(())
}

/// One line of a cycle, with the person's name and the transfer's outcome.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Line {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub cycle_id: Uuid,
    #[diesel(sql_type = Integer)]
    pub line_no: i32,
    #[diesel(sql_type = SqlUuid)]
    pub person_id: Uuid,
    #[diesel(sql_type = Text)]
    pub person_name: String,
    #[diesel(sql_type = Date)]
    pub period_month: NaiveDate,
    #[diesel(sql_type = Text)]
    pub decision: String,
    #[diesel(sql_type = Text)]
    pub reason: String,
    #[diesel(sql_type = Text)]
    pub explanation: String,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
    #[diesel(sql_type = Nullable<Text>)]
    pub organisation_name: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub compound_name: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub carried_from: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub hold_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub account_no: Option<String>,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub disbursement_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    pub outcome: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub failure_reason: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    pub programme_name: Option<String>,
}

const LINE_SELECT: &str = "SELECT l.id, l.cycle_id, l.line_no, l.person_id, pe.name AS person_name, l.period_month, l.decision, \
    l.reason, l.explanation, l.amount_fen, l.organisation_name, l.compound_name, l.carried_from, l.hold_reason, \
    COALESCE(d.account_no, b.account_no) AS account_no, d.id AS disbursement_id, d.status AS outcome, d.failure_reason, \
    pr.name AS programme_name \
    FROM payments l JOIN people pe ON pe.id = l.person_id JOIN allowance_programmes pr ON pr.id = l.programme_id \
    LEFT JOIN disbursements d ON d.payment_id = l.id LEFT JOIN bank_accounts b ON b.person_id = l.person_id";

/// The lines of a cycle in line order, optionally one decision or reason.
pub async fn lines(
    conn: &mut AsyncPgConnection,
    cycle_id: Uuid,
    decision: Option<&str>,
    reason: Option<&str>,
) -> StoreResult<Vec<Line>> {
    Ok(diesel::sql_query(format!(
        "{LINE_SELECT} WHERE l.cycle_id = $1 AND ($2::text IS NULL OR l.decision = $2) \
         AND ($3::text IS NULL OR l.reason = $3) ORDER BY l.line_no"
    ))
    .bind::<SqlUuid, _>(cycle_id)
    .bind::<Nullable<Text>, _>(decision)
    .bind::<Nullable<Text>, _>(reason)
    .load(conn)
    .await?)
}

/// A person's lines across cycles, newest month first.
pub async fn person_history(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person_id: Uuid,
) -> StoreResult<Vec<Line>> {
    Ok(diesel::sql_query(format!(
        "{LINE_SELECT} JOIN payment_cycles c ON c.id = l.cycle_id WHERE l.person_id = $2 AND {CYCLE_VISIBLE} \
         ORDER BY l.period_month DESC, c.created_at DESC"
    ))
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(person_id)
    .load(conn)
    .await?)
}

/// Holds an included line (or releases a held one) of a draft cycle.
pub async fn set_hold(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    cycle: &Cycle,
    payment_id: Uuid,
    reason: Option<&str>,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let status: String = crate::sql::query("SELECT status FROM payment_cycles WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(cycle.id)
            .get_result::<StatusRow>(tx)
            .await?
            .status;
        if status != "draft" {
            return Err(DomainError::WrongState {
                code: "cycle_not_draft",
                detail: "只能在草稿状态下暂缓或恢复发放 / lines are held or released while the cycle is a draft".into(),
                allowed: vec![],
            }
            .into());
        }
        let (from, to) = if reason.is_some() { ("included", "held") } else { ("held", "included") };
        let changed = crate::sql::query(
            "UPDATE payments SET decision = $3, hold_reason = $4 WHERE id = $1 AND cycle_id = $2 AND decision = $5",
        )
        .bind::<SqlUuid, _>(payment_id)
        .bind::<SqlUuid, _>(cycle.id)
        .bind::<Text, _>(to)
        .bind::<Nullable<Text>, _>(reason)
        .bind::<Text, _>(from)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::WrongState {
                code: "line_not_holdable",
                detail: if reason.is_some() {
                    "只能暂缓已纳入发放的行 / only an included line can be held".into()
                } else {
                    "该行未被暂缓 / the line is not held".into()
                },
                allowed: vec![],
            }
            .into());
        }
        crate::sql::query("UPDATE payment_cycles SET version = version + 1 WHERE id = $1")
            .bind::<SqlUuid, _>(cycle.id)
            .execute(tx)
            .await?;
        journal::record(tx, ctx, Entry {
            action: if reason.is_some() { "payment.held" } else { "payment.released" },
            object_type: "payment",
            object_id: payment_id.to_string(),
            area_path: Some(cycle.area_path.clone()),
            before: Some(json!({"decision": from})),
            after: Some(json!({"decision": to, "hold_reason": reason})),
            event_data: json!({"cycle_id": cycle.id}),
        })
        .await
    })
    .await
}

/// Submits, returns, approves or closes a cycle. Approval re-checks four eyes and the
/// programme-year budget under the programme's row lock, so two approvals cannot together
/// overspend.
pub async fn transition(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    patterns: &[String],
    cycle_id: Uuid,
    expected_version: i64,
    action: linli_domain::allowance::CycleAction,
    programme: &Programme,
) -> StoreResult<()> {
    use linli_domain::allowance::{CycleAction, check_action, check_budget};
    let actor = ctx.user_id().ok_or(DomainError::Forbidden)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query("SELECT 1 FROM allowance_programmes WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(programme.id)
            .execute(tx)
            .await?;
        crate::sql::query("SELECT 1 FROM payment_cycles WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(cycle_id)
            .execute(tx)
            .await?;
        let c = cycle(tx, patterns, cycle_id).await?;
        if c.version != expected_version {
            return Err(DomainError::StaleVersion.into());
        }
        let to = check_action(c.status(), action, c.prepared_by, actor)?;
        if action == CycleAction::Submit && c.included == 0 {
            return Err(DomainError::WrongState {
                code: "cycle_empty",
                detail: "批次中没有可发放的人员 / nobody is included in the cycle".into(),
                allowed: vec![],
            }
            .into());
        }
        if action == CycleAction::Approve {
            use chrono::Datelike;
            let (committed, _) = budget_use(tx, programme.id, c.month.year()).await?;
            check_budget(programme.annual_budget_fen, committed, c.total_fen)?;
        }
        crate::sql::query(
            "UPDATE payment_cycles SET status = $2, \
               submitted_at = CASE WHEN $2 = 'submitted' THEN linli_now() WHEN $2 = 'draft' THEN NULL ELSE submitted_at END, \
               approved_at = CASE WHEN $2 = 'approved' THEN linli_now() ELSE approved_at END, \
               approved_by = CASE WHEN $2 = 'approved' THEN $3 ELSE approved_by END, \
               closed_at = CASE WHEN $2 = 'closed' THEN linli_now() ELSE closed_at END, \
               version = version + 1 WHERE id = $1",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<Text, _>(to.as_str())
        .bind::<SqlUuid, _>(actor)
        .execute(tx)
        .await?;
        journal::record(tx, ctx, Entry {
            action: match action {
                CycleAction::Submit => "payment_cycle.submitted",
                CycleAction::Return => "payment_cycle.returned",
                CycleAction::Approve => "payment_cycle.approved",
                CycleAction::Close => "payment_cycle.closed",
            },
            object_type: "payment_cycle",
            object_id: cycle_id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: Some(json!({"status": c.status})),
            after: Some(json!({"status": to.as_str(), "total_fen": c.total_fen, "included": c.included})),
            event_data: json!({"programme_id": c.programme_id, "month": c.month, "from": c.status, "to": to.as_str(),
                "total_fen": c.total_fen, "included": c.included}),
        })
        .await
    })
    .await
}

/// Instructs the transfers of an approved cycle: one disbursement per included line with
/// the bank details as they are now. Runs once: the cycle's row lock queues concurrent
/// requests, the first moves it to `disbursed`, the rest find it no longer approved; the
/// partial unique index refuses a second live transfer for any person-month.
pub async fn disburse(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    patterns: &[String],
    cycle_id: Uuid,
) -> StoreResult<()> {
    let actor = ctx.user_id().ok_or(DomainError::Forbidden)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query("SELECT 1 FROM payment_cycles WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(cycle_id)
            .execute(tx)
            .await?;
        let c = cycle(tx, patterns, cycle_id).await?;
        if c.status() != CycleStatus::Approved {
            return Err(DomainError::WrongState {
                code: if matches!(c.status(), CycleStatus::Draft | CycleStatus::Submitted) {
                    "cycle_not_approved"
                } else {
                    "cycle_already_disbursed"
                },
                detail: format!(
                    "只有已审批的批次才能发放（当前：{}）/ only an approved cycle can be disbursed (it is {})",
                    c.status, c.status
                ),
                allowed: vec![],
            }
            .into());
        }
        let created = crate::sql::query(
            "INSERT INTO disbursements (id, payment_id, cycle_id, programme_id, person_id, period_month, amount_fen, bank_name, account_no, account_name) \
             SELECT gen_random_uuid(), l.id, l.cycle_id, l.programme_id, l.person_id, l.period_month, l.amount_fen, b.bank_name, b.account_no, b.account_name \
             FROM payments l JOIN bank_accounts b ON b.person_id = l.person_id \
             WHERE l.cycle_id = $1 AND l.decision = 'included' AND l.amount_fen > 0",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .execute(tx)
        .await
        .map_err(|e| match StoreError::from(e) {
            StoreError::Domain(DomainError::Conflict(c)) if c.contains("once_per_person_month") => {
                StoreError::Domain(DomainError::WrongState {
                    code: "already_paid",
                    detail: "批次中有人员该月津贴已发放，请重新生成批次 / someone in the cycle was already paid for that month; regenerate the cycle".into(),
                    allowed: vec![],
                })
            }
            other => other,
        })?;
        crate::sql::query(
            "UPDATE payment_cycles SET status = 'disbursed', disbursed_at = linli_now(), disbursed_by = $2, version = version + 1 WHERE id = $1",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<SqlUuid, _>(actor)
        .execute(tx)
        .await?;
        journal::record(tx, ctx, Entry {
            action: "payment_cycle.disbursed",
            object_type: "payment_cycle",
            object_id: cycle_id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: Some(json!({"status": c.status})),
            after: Some(json!({"status": "disbursed", "transfers": created, "total_fen": c.total_fen})),
            event_data: json!({"programme_id": c.programme_id, "month": c.month, "transfers": created, "total_fen": c.total_fen}),
        })
        .await
    })
    .await
}

/// One transfer as the bank file lists it (full account number: finance roles only).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Transfer {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = Text)]
    pub account_name: String,
    #[diesel(sql_type = Text)]
    pub account_no: String,
    #[diesel(sql_type = Text)]
    pub bank_name: String,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
    #[diesel(sql_type = Date)]
    pub period_month: NaiveDate,
    #[diesel(sql_type = Text)]
    pub status: String,
}

/// The transfers of a cycle, in line order.
pub async fn transfers(conn: &mut AsyncPgConnection, cycle_id: Uuid) -> StoreResult<Vec<Transfer>> {
    Ok(crate::sql::query(
        "SELECT d.id, d.account_name, d.account_no, d.bank_name, d.amount_fen, d.period_month, d.status \
         FROM disbursements d JOIN payments l ON l.id = d.payment_id WHERE d.cycle_id = $1 ORDER BY l.line_no",
    )
    .bind::<SqlUuid, _>(cycle_id)
    .load(conn)
    .await?)
}

/// Records that the bank file (with full account numbers) was exported, and by whom.
pub async fn record_export(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &Cycle,
    rows: usize,
) -> StoreResult<()> {
    journal::record(
        conn,
        ctx,
        Entry {
            action: "payment_cycle.bank_file_exported",
            object_type: "payment_cycle",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: None,
            after: Some(json!({"rows": rows})),
            event_data: json!({"programme_id": c.programme_id, "month": c.month, "rows": rows}),
        },
    )
    .await
}

/// What a return file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReconcileOutcome {
    pub paid: usize,
    pub failed: usize,
    pub unchanged: usize,
    pub replayed: bool,
    pub reconciled: bool,
}

/// Applies a bank return file to a disbursed cycle: each transfer paid or failed. The same
/// file twice changes nothing; a row contradicting a recorded outcome refuses the file;
/// once every transfer has an outcome the cycle is reconciled.
pub async fn reconcile(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    patterns: &[String],
    cycle_id: Uuid,
    sha256: &[u8],
    outcomes: &[BankOutcome],
) -> StoreResult<Result<ReconcileOutcome, Vec<linli_domain::ledger::RowError>>> {
    use linli_domain::ledger::RowError;
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query("SELECT 1 FROM payment_cycles WHERE id = $1 FOR UPDATE")
            .bind::<SqlUuid, _>(cycle_id)
            .execute(tx)
            .await?;
        let c = cycle(tx, patterns, cycle_id).await?;
        #[derive(QueryableByName)]
        struct Seen {
            #[diesel(sql_type = Bool)]
            seen: bool,
        }
        let seen: Seen = crate::sql::query(
            "SELECT EXISTS (SELECT 1 FROM reconciliation_imports WHERE cycle_id = $1 AND sha256 = $2) AS seen",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<diesel::sql_types::Bytea, _>(sha256)
        .get_result(tx)
        .await?;
        if seen.seen {
            return Ok(Ok(ReconcileOutcome {
                paid: 0,
                failed: 0,
                unchanged: outcomes.len(),
                replayed: true,
                reconciled: c.status() != CycleStatus::Disbursed,
            }));
        }
        if !matches!(c.status(), CycleStatus::Disbursed | CycleStatus::Reconciled) {
            return Err(DomainError::WrongState {
                code: "cycle_not_disbursed",
                detail: "只能对已发放的批次导入银行回单 / only a disbursed cycle takes a bank return file".into(),
                allowed: vec![],
            }
            .into());
        }
        let known: HashMap<Uuid, String> = transfers(tx, cycle_id)
            .await?
            .into_iter()
            .map(|t| (t.id, t.status))
            .collect();
        let mut errors = Vec::new();
        let mut seen_refs = std::collections::HashSet::new();
        for o in outcomes {
            let wanted = if o.paid { "paid" } else { "failed" };
            match known.get(&o.reference) {
                None => errors.push(RowError {
                    row: o.row,
                    column: "参考号".into(),
                    message: "不是本批次的转账 / not a transfer of this cycle".into(),
                }),
                Some(s) if s != "sent" && s != wanted => errors.push(RowError {
                    row: o.row,
                    column: "结果".into(),
                    message: format!("与已记录的结果（{s}）矛盾 / contradicts the recorded outcome ({s})"),
                }),
                _ => {}
            }
            if !seen_refs.insert(o.reference) {
                errors.push(RowError {
                    row: o.row,
                    column: "参考号".into(),
                    message: "同一转账在文件中出现两次 / the same transfer appears twice".into(),
                });
            }
        }
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let mut result = ReconcileOutcome {
            paid: 0,
            failed: 0,
            unchanged: 0,
            replayed: false,
            reconciled: false,
        };
        // One statement for the whole file: the transfers still `sent` take their outcome.
        #[derive(QueryableByName)]
        struct Settled {
            #[diesel(sql_type = SqlUuid)]
            id: Uuid,
            #[diesel(sql_type = Text)]
            status: String,
            #[diesel(sql_type = Nullable<Text>)]
            failure_reason: Option<String>,
        }
        let ids: Vec<Uuid> = outcomes.iter().map(|o| o.reference).collect();
        let statuses: Vec<&str> = outcomes
            .iter()
            .map(|o| if o.paid { "paid" } else { "failed" })
            .collect();
        let references: Vec<Option<&str>> = outcomes.iter().map(|o| o.bank_reference.as_deref()).collect();
        let reasons: Vec<Option<&str>> = outcomes.iter().map(|o| o.failure_reason.as_deref()).collect();
        let settled: Vec<Settled> = crate::sql::query(
            "UPDATE disbursements d SET status = t.status, bank_reference = t.bank_reference, \
               failure_reason = t.failure_reason, settled_at = linli_now() \
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, status, bank_reference, failure_reason) \
             WHERE d.id = t.id AND d.cycle_id = $5 AND d.status = 'sent' \
             RETURNING d.id, d.status, d.failure_reason",
        )
        .bind::<Array<SqlUuid>, _>(&ids)
        .bind::<Array<Text>, _>(&statuses)
        .bind::<Array<Nullable<Text>>, _>(&references)
        .bind::<Array<Nullable<Text>>, _>(&reasons)
        .bind::<SqlUuid, _>(cycle_id)
        .load(tx)
        .await?;
        result.unchanged = outcomes.len() - settled.len();
        for d in &settled {
            if d.status == "paid" {
                result.paid += 1;
                continue;
            }
            result.failed += 1;
            journal::record(tx, ctx, Entry {
                action: "payment.failed",
                object_type: "payment",
                object_id: d.id.to_string(),
                area_path: Some(c.area_path.clone()),
                before: Some(json!({"status": "sent"})),
                after: Some(json!({"status": "failed", "failure_reason": d.failure_reason})),
                event_data: json!({"cycle_id": c.id, "programme_id": c.programme_id, "failure_reason": d.failure_reason}),
            })
            .await?;
        }
        crate::sql::query(
            "INSERT INTO reconciliation_imports (cycle_id, sha256, row_count, imported_by) VALUES ($1, $2, $3, $4)",
        )
        .bind::<SqlUuid, _>(cycle_id)
        .bind::<diesel::sql_types::Bytea, _>(sha256)
        .bind::<Integer, _>(i32::try_from(outcomes.len()).unwrap_or(i32::MAX))
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .execute(tx)
        .await?;
        #[derive(QueryableByName)]
        struct Open {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let open: Open = crate::sql::query("SELECT count(*) AS n FROM disbursements WHERE cycle_id = $1 AND status = 'sent'")
            .bind::<SqlUuid, _>(cycle_id)
            .get_result(tx)
            .await?;
        if open.n == 0 && c.status() == CycleStatus::Disbursed {
            crate::sql::query(
                "UPDATE payment_cycles SET status = 'reconciled', reconciled_at = linli_now(), version = version + 1 WHERE id = $1",
            )
            .bind::<SqlUuid, _>(cycle_id)
            .execute(tx)
            .await?;
            journal::record(tx, ctx, Entry {
                action: "payment_cycle.reconciled",
                object_type: "payment_cycle",
                object_id: cycle_id.to_string(),
                area_path: Some(c.area_path.clone()),
                before: Some(json!({"status": "disbursed"})),
                after: Some(json!({"status": "reconciled"})),
                event_data: json!({"programme_id": c.programme_id, "month": c.month}),
            })
            .await?;
            result.reconciled = true;
        } else {
            result.reconciled = open.n == 0;
        }
        Ok(Ok(result))
    })
    .await
}

/// Distinct live transfers per person-month of a programme (0 or 1, by the index).
pub async fn live_transfers(
    conn: &mut AsyncPgConnection,
    programme_id: Uuid,
    person_id: Uuid,
    month: NaiveDate,
) -> StoreResult<i64> {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let n: N = crate::sql::query(
        "SELECT count(*) AS n FROM disbursements WHERE programme_id = $1 AND person_id = $2 AND period_month = $3 AND status <> 'failed'",
    )
    .bind::<SqlUuid, _>(programme_id)
    .bind::<SqlUuid, _>(person_id)
    .bind::<Date, _>(month)
    .get_result(conn)
    .await?;
    Ok(n.n)
}
