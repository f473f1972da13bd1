//! Closed months.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::ledger_periods,
};

/// Months of a compound that are closed.
pub async fn closed_months(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<NaiveDate>> {
    Ok(ledger_periods::table
        .filter(ledger_periods::compound_id.eq(compound_id))
        .select(ledger_periods::month)
        .order(ledger_periods::month.asc())
        .load(conn)
        .await?)
}

/// Closed months with who closed them.
pub async fn periods(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<(NaiveDate, Option<Uuid>, DateTime<Utc>)>> {
    Ok(ledger_periods::table
        .filter(ledger_periods::compound_id.eq(compound_id))
        .select((
            ledger_periods::month,
            ledger_periods::closed_by,
            ledger_periods::closed_at,
        ))
        .order(ledger_periods::month.desc())
        .load(conn)
        .await?)
}

/// Closes a month of a compound's ledger.
pub async fn close_period(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    compound_id: Uuid,
    area_path: &str,
    month: NaiveDate,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let inserted = diesel::insert_into(ledger_periods::table)
            .values((
                ledger_periods::compound_id.eq(compound_id),
                ledger_periods::month.eq(month),
                ledger_periods::closed_by.eq(ctx.user_id()),
            ))
            .on_conflict_do_nothing()
            .execute(tx)
            .await?;
        if inserted == 0 {
            return Err(DomainError::WrongState {
                code: "period_closed",
                detail: "该月份已经结账 / the month is already closed".into(),
                allowed: vec![],
            }
            .into());
        }
        let data = json!({"compound_id": compound_id, "month": month.format("%Y-%m").to_string()});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_period.closed",
                object_type: "ledger_period",
                object_id: format!("{compound_id}:{}", month.format("%Y-%m")),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(data.clone()),
                event_data: data,
            },
        )
        .await
    })
    .await
}
