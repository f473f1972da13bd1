//! Payment cycles: opening, regenerating and moving them through their states.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, allowance::CycleStatus};
use serde_json::json;
use uuid::Uuid;

use super::{Programme, budget_use, generation::generate_in};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

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

macro_rules! cycle_select {
    () => {
        "SELECT c.id, c.programme_id, p.name AS programme_name, c.month, c.area_path, c.status, c.prepared_by, \
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
         LEFT JOIN users pu ON pu.id = c.prepared_by LEFT JOIN users au ON au.id = c.approved_by"
    };
}

/// Visible cycles, newest month first.
pub async fn cycles(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    programme_id: Option<Uuid>,
    status: Option<&str>,
) -> StoreResult<Vec<Cycle>> {
    let mut q = crate::sql::query(concat!(cycle_select!(), " WHERE ", cycle_visible!()))
        .bind::<Array<Text>, _>(patterns);
    if let Some(programme_id) = programme_id {
        q = q
            .sql(" AND c.programme_id = ")
            .param::<SqlUuid, _>(programme_id);
    }
    if let Some(status) = status {
        q = q.sql(" AND c.status = ").param::<Text, _>(status);
    }
    Ok(q.sql(" ORDER BY c.month DESC, c.created_at DESC LIMIT 200")
        .load(conn)
        .await?)
}

/// One visible cycle.
pub async fn cycle(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Cycle> {
    crate::sql::one_in_sight(
        conn,
        concat!(cycle_select!(), " WHERE c.id = $2 AND ", cycle_visible!()),
        (patterns, id),
        "payment cycle",
    )
    .await
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
pub(super) struct StatusRow {
    #[diesel(sql_type = Text)]
    pub(super) status: String,
}

#[derive(QueryableByName)]
struct MonthRow {
    #[diesel(sql_type = Date)]
    month: NaiveDate,
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
            before: Some(json!({"status": c.status().as_str()})),
            after: Some(json!({"status": to.as_str(), "total_fen": c.total_fen, "included": c.included})),
            event_data: json!({"programme_id": c.programme_id, "month": c.month, "from": c.status().as_str(), "to": to.as_str(),
                "total_fen": c.total_fen, "included": c.included}),
        })
        .await
    })
    .await
}
