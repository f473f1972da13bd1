//! Transfers (disbursements), the bank file and bank return files.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Date, Integer, Nullable, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    allowance::{BankOutcome, CycleStatus},
};
use serde_json::json;
use uuid::Uuid;

use super::{Cycle, cycle};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

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
                    c.status().as_str(), c.status().as_str()
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
            before: Some(json!({"status": c.status().as_str()})),
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

/// The digest a return file is known by (SHA-256): the same file twice changes nothing.
pub fn return_file_digest(file: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    Sha256::digest(file).to_vec()
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
) -> StoreResult<Result<ReconcileOutcome, Vec<linli_domain::public_revenue::RowError>>> {
    use linli_domain::public_revenue::RowError;
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
