//! Posting entries and reading the journal.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, public_revenue::Line};
use serde_json::json;
use uuid::Uuid;

use super::ledger_refusal;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{ledger_entries, ledger_lines},
};

/// An entry to post.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub compound_id: Uuid,
    pub entry_date: NaiveDate,
    pub memo: String,
    pub voucher_no: Option<String>,
    pub lines: Vec<Line>,
    /// The entry this one reverses.
    pub reverses: Option<Uuid>,
}

/// A posted entry, header only.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct EntryRow {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = BigInt)]
    pub number: i64,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Date)]
    pub entry_date: NaiveDate,
    #[diesel(sql_type = Text)]
    pub memo: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub voucher_no: Option<String>,
    #[diesel(sql_type = Text)]
    pub source: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub reverses_id: Option<Uuid>,
    /// The entry that reversed this one, if any.
    #[diesel(sql_type = Nullable<SqlUuid>)]
    pub reversed_by: Option<Uuid>,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub voucher_count: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

/// One line of a posted entry with its account.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct LineRow {
    #[diesel(sql_type = SqlUuid)]
    pub entry_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub account_id: Uuid,
    #[diesel(sql_type = Text)]
    pub account_code: String,
    #[diesel(sql_type = Text)]
    pub account_name_zh: String,
    #[diesel(sql_type = BigInt)]
    pub debit_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub credit_fen: i64,
}

macro_rules! entry_select {
    () => {
        "SELECT e.id, e.number, e.compound_id, e.entry_date, e.memo, e.voucher_no, e.source, \
    e.reverses_id, (SELECT r.id FROM ledger_entries r WHERE r.reverses_id = e.id) AS reversed_by, \
    (SELECT COALESCE(sum(l.debit_fen), 0)::bigint FROM ledger_lines l WHERE l.entry_id = e.id) AS amount_fen, \
    (SELECT count(*) FROM ledger_vouchers v WHERE v.entry_id = e.id) AS voucher_count, e.created_at \
    FROM ledger_entries e"
    };
}

/// Writes entries and their lines in one statement each (the database allows lines only
/// with their entry). Returns the entries' ids in order.
pub(super) async fn insert_entries(
    tx: &mut AsyncPgConnection,
    entries: &[NewEntry],
    source: &str,
    import_id: Option<Uuid>,
    created_by: Option<Uuid>,
) -> StoreResult<Vec<Uuid>> {
    let ids: Vec<Uuid> = entries.iter().map(|_| Uuid::now_v7()).collect();
    let headers: Vec<_> = entries
        .iter()
        .zip(&ids)
        .map(|(e, id)| {
            (
                ledger_entries::id.eq(*id),
                ledger_entries::compound_id.eq(e.compound_id),
                ledger_entries::entry_date.eq(e.entry_date),
                ledger_entries::memo.eq(e.memo.as_str()),
                ledger_entries::voucher_no.eq(e.voucher_no.as_deref()),
                ledger_entries::source.eq(source),
                ledger_entries::reverses_id.eq(e.reverses),
                ledger_entries::import_id.eq(import_id),
                ledger_entries::created_by.eq(created_by),
            )
        })
        .collect();
    // 9 binds per header, 5 per line: stay well under PostgreSQL's 65,535 binds.
    for batch in headers.chunks(5_000) {
        diesel::insert_into(ledger_entries::table)
            .values(batch)
            .execute(tx)
            .await
            .map_err(|e| ledger_refusal(e.into()))?;
    }
    let lines: Vec<_> = entries
        .iter()
        .zip(&ids)
        .flat_map(|(e, id)| {
            e.lines.iter().map(move |l| {
                (
                    ledger_lines::entry_id.eq(*id),
                    ledger_lines::compound_id.eq(e.compound_id),
                    ledger_lines::account_id.eq(l.account_id),
                    ledger_lines::debit_fen.eq(l.debit_fen),
                    ledger_lines::credit_fen.eq(l.credit_fen),
                )
            })
        })
        .collect();
    // An entry's lines must share one statement: cut batches only between entries.
    let mut start = 0;
    let mut entry_index = 0;
    while start < lines.len() {
        let mut end = start;
        while entry_index < entries.len() && end - start < 10_000 {
            end += entries[entry_index].lines.len();
            entry_index += 1;
        }
        diesel::insert_into(ledger_lines::table)
            .values(&lines[start..end])
            .execute(tx)
            .await
            .map_err(|e| ledger_refusal(e.into()))?;
        start = end;
    }
    Ok(ids)
}

/// Posts one entry (manual or a reversal), audited and announced.
pub async fn post(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    area_path: &str,
    entry: &NewEntry,
) -> StoreResult<Uuid> {
    let source = if entry.reverses.is_some() {
        "reversal"
    } else {
        "manual"
    };
    let id = conn
        .transaction::<_, StoreError, _>(async |tx| {
            let ids = insert_entries(tx, std::slice::from_ref(entry), source, None, ctx.user_id())
                .await?;
            let id = ids.as_slice().first().copied().unwrap_or_default();
            let lines: Vec<_> = entry
                .lines
                .iter()
                .map(|l| json!({"account_id": l.account_id, "debit_fen": l.debit_fen, "credit_fen": l.credit_fen}))
                .collect();
            let amount: i64 = entry.lines.iter().map(|l| l.debit_fen).sum();
            journal::record(
                tx,
                ctx,
                Entry {
                    action: if entry.reverses.is_some() {
                        "ledger_entry.reversed"
                    } else {
                        "ledger_entry.posted"
                    },
                    object_type: "ledger_entry",
                    object_id: id.to_string(),
                    area_path: Some(area_path.to_owned()),
                    before: None,
                    after: Some(json!({"compound_id": entry.compound_id, "entry_date": entry.entry_date,
                        "memo": entry.memo, "voucher_no": entry.voucher_no, "reverses_id": entry.reverses, "lines": lines})),
                    event_data: json!({"compound_id": entry.compound_id, "entry_date": entry.entry_date,
                        "amount_fen": amount, "reverses_id": entry.reverses}),
                },
            )
            .await?;
            // Commit here so the deferred balance check runs inside this call.
            Ok(id)
        })
        .await
        .map_err(ledger_refusal)?;
    Ok(id)
}

/// Filters of the journal.
#[derive(Debug, Clone, Default)]
pub struct JournalFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub account_id: Option<Uuid>,
}

/// A compound's journal, newest first; `before` is the last `number` of the previous page.
pub async fn journal(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    filter: &JournalFilter,
    before: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<EntryRow>> {
    Ok(crate::sql::query(concat!(entry_select!(), " WHERE e.compound_id = $1"))
        .bind::<SqlUuid, _>(compound_id)
        .filter::<Date, _>(" AND e.entry_date >= ", filter.from)
        .filter::<Date, _>(" AND e.entry_date <= ", filter.to)
        .filter_around::<SqlUuid, _>(
            " AND EXISTS (SELECT 1 FROM ledger_lines x WHERE x.entry_id = e.id AND x.account_id = ",
            filter.account_id,
            ")",
        )
        .filter::<BigInt, _>(" AND e.number < ", before)
        .sql(" ORDER BY e.number DESC LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// One entry of a compound.
pub async fn find_entry(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    id: Uuid,
) -> StoreResult<EntryRow> {
    let rows: Vec<EntryRow> = crate::sql::query(concat!(
        entry_select!(),
        " WHERE e.id = $1 AND e.compound_id = $2"
    ))
    .bind::<SqlUuid, _>(id)
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| DomainError::NotFound("ledger entry").into())
}

/// The compound an entry belongs to.
pub async fn compound_of_entry(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> StoreResult<Option<Uuid>> {
    Ok(ledger_entries::table
        .find(id)
        .select(ledger_entries::compound_id)
        .first(conn)
        .await
        .optional()?)
}

/// The lines of some entries, in entry then line order.
pub async fn lines_of(
    conn: &mut AsyncPgConnection,
    entry_ids: &[Uuid],
) -> StoreResult<Vec<LineRow>> {
    Ok(crate::sql::query(
        "SELECT l.entry_id, l.account_id, a.code AS account_code, a.name_zh AS account_name_zh, l.debit_fen, l.credit_fen \
         FROM ledger_lines l JOIN ledger_accounts a ON a.id = l.account_id \
         WHERE l.entry_id = ANY($1) ORDER BY l.entry_id, l.id",
    )
    .bind::<Array<SqlUuid>, _>(entry_ids)
    .load(conn)
    .await?)
}
