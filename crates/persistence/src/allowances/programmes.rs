//! Allowance programmes and their budget use.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    allowance::{AssessmentResult, Terms},
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

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

macro_rules! programme_select {
    () => {
        "SELECT p.id, p.name, p.area_id, a.name AS area_name, p.area_path, p.org_kind, p.post_title, \
         p.amount_fen_per_month, p.required_result, p.annual_budget_fen, p.pro_rata, p.active, p.version, p.created_at \
         FROM allowance_programmes p JOIN areas a ON a.id = p.area_id"
    };
}

/// Programmes whose area lies in the scope, or whose area contains it (a subdistrict's
/// finance officer sees the district's programme).
macro_rules! programme_visible {
    () => {
        "(p.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE s LIKE p.area_path || '%'))"
    };
}

/// Visible programmes by name.
pub async fn programmes(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
) -> StoreResult<Vec<Programme>> {
    Ok(crate::sql::query(concat!(
        programme_select!(),
        " WHERE ",
        programme_visible!(),
        " ORDER BY p.name LIMIT 200"
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
    crate::sql::one_in_sight(
        conn,
        concat!(
            programme_select!(),
            " WHERE p.id = $2 AND ",
            programme_visible!()
        ),
        (patterns, id),
        "allowance programme",
    )
    .await
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
