//! Assessments of the people a programme pays.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Date, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, allowance::AssessmentResult};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

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

macro_rules! assessment_select {
    () => {
        "SELECT s.id, s.person_id, pe.name AS person_name, s.period_start, s.period_end, s.score, \
         s.result, s.assessor, s.notes, (SELECT count(DISTINCT l.cycle_id) FROM payments l WHERE l.assessment_id = s.id) AS used_by_cycles, \
         s.version, s.updated_at FROM assessments s JOIN people pe ON pe.id = s.person_id"
    };
}

/// People are visible where their home compound lies, or where they hold a post.
macro_rules! person_visible {
    () => {
        "EXISTS (SELECT 1 FROM areas ha WHERE ha.id = pe.home_compound_id AND ha.path LIKE ANY($1)) \
         OR EXISTS (SELECT 1 FROM posts po JOIN organisations o ON o.id = po.organisation_id JOIN areas oa ON oa.id = o.area_id \
               WHERE po.person_id = pe.id AND oa.path LIKE ANY($1))"
    };
}

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
    let mut q = crate::sql::query(concat!(
        assessment_select!(),
        " WHERE (",
        person_visible!(),
        ")"
    ))
    .bind::<Array<Text>, _>(patterns);
    if let Some(person_id) = filter.person_id {
        q = q.sql(" AND s.person_id = ").param::<SqlUuid, _>(person_id);
    }
    if let Some(on) = filter.on {
        q = q
            .sql(" AND ")
            .param::<Date, _>(on)
            .sql(" BETWEEN s.period_start AND s.period_end");
    }
    if let Some(result) = filter.result.as_deref() {
        q = q.sql(" AND s.result = ").param::<Text, _>(result);
    }
    Ok(q.sql(" ORDER BY s.period_end DESC, pe.name, s.id LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// One visible assessment.
pub async fn assessment(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Assessment> {
    crate::sql::one_in_sight(
        conn,
        concat!(
            assessment_select!(),
            " WHERE s.id = $2 AND (",
            person_visible!(),
            ")"
        ),
        (patterns, id),
        "assessment",
    )
    .await
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
    let h: Hit = crate::sql::query(concat!(
        "SELECT EXISTS (SELECT 1 FROM people pe WHERE pe.id = $2 AND (",
        person_visible!(),
        ")) AS hit"
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
    let rows: Vec<Row> = crate::sql::query(concat!(
        "SELECT pe.name, pe.id FROM people pe WHERE pe.name = ANY($2) AND (",
        person_visible!(),
        ")"
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
