//! The lines (payments) of a cycle, and holding or releasing them.

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Integer, Nullable, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use super::{Cycle, cycles::StatusRow};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

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

macro_rules! line_select {
    () => {
        "SELECT l.id, l.cycle_id, l.line_no, l.person_id, pe.name AS person_name, l.period_month, l.decision, \
         l.reason, l.explanation, l.amount_fen, l.organisation_name, l.compound_name, l.carried_from, l.hold_reason, \
         COALESCE(d.account_no, b.account_no) AS account_no, d.id AS disbursement_id, d.status AS outcome, d.failure_reason, \
         pr.name AS programme_name \
         FROM payments l JOIN people pe ON pe.id = l.person_id JOIN allowance_programmes pr ON pr.id = l.programme_id \
         LEFT JOIN disbursements d ON d.payment_id = l.id LEFT JOIN bank_accounts b ON b.person_id = l.person_id"
    };
}

/// The lines of a cycle in line order, optionally one decision or reason.
pub async fn lines(
    conn: &mut AsyncPgConnection,
    cycle_id: Uuid,
    decision: Option<&str>,
    reason: Option<&str>,
) -> StoreResult<Vec<Line>> {
    let mut q = crate::sql::query(concat!(line_select!(), " WHERE l.cycle_id = $1"))
        .bind::<SqlUuid, _>(cycle_id);
    if let Some(decision) = decision {
        q = q.sql(" AND l.decision = ").param::<Text, _>(decision);
    }
    if let Some(reason) = reason {
        q = q.sql(" AND l.reason = ").param::<Text, _>(reason);
    }
    Ok(q.sql(" ORDER BY l.line_no").load(conn).await?)
}

/// A person's lines across cycles, newest month first.
pub async fn person_history(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person_id: Uuid,
) -> StoreResult<Vec<Line>> {
    Ok(crate::sql::query(concat!(
        line_select!(),
        " JOIN payment_cycles c ON c.id = l.cycle_id WHERE l.person_id = $2 AND ",
        cycle_visible!(),
        " \
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
