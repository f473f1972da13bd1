//! Public revenue ledgers: accounts, journal entries and lines, closed months, imports,
//! vouchers and the report queries. The database re-checks balance, immutability and
//! closed months itself (see the migration), so these functions cannot break them.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bool, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    ledger::{AccountKind, AccountRef, CashRow, Line, Movement, TEMPLATE},
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{ledger_accounts, ledger_entries, ledger_imports, ledger_lines, ledger_periods},
};

/// An account with its balance.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Account {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub code: String,
    #[diesel(sql_type = Text)]
    pub name_zh: String,
    #[diesel(sql_type = Text)]
    pub name_en: String,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub category: String,
    #[diesel(sql_type = Bool)]
    pub active: bool,
    #[diesel(sql_type = BigInt)]
    pub debit_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub credit_fen: i64,
    /// `kind`, checked when the row is loaded.
    #[diesel(sql_type = Text, column_name = kind)]
    checked_kind: crate::error::Code<AccountKind>,
}

impl Account {
    /// The account's kind (the database only stores valid codes).
    pub fn kind(&self) -> AccountKind {
        self.checked_kind.0
    }

    /// The balance in the account's natural direction.
    pub fn balance_fen(&self) -> i64 {
        self.kind().balance(self.debit_fen, self.credit_fen)
    }
}

/// Opens a compound's ledger with the standard chart if it has none yet. Cheap to repeat.
pub async fn ensure_chart(conn: &mut AsyncPgConnection, compound_id: Uuid) -> StoreResult<()> {
    let rows: Vec<_> = TEMPLATE
        .iter()
        .map(|a| {
            (
                ledger_accounts::id.eq(Uuid::now_v7()),
                ledger_accounts::compound_id.eq(compound_id),
                ledger_accounts::code.eq(a.code),
                ledger_accounts::name_zh.eq(a.name_zh),
                ledger_accounts::name_en.eq(a.name_en),
                ledger_accounts::kind.eq(a.kind.as_str()),
                ledger_accounts::category.eq(a.category),
            )
        })
        .collect();
    diesel::insert_into(ledger_accounts::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

/// The compound's accounts with their totals up to and including `as_of` (all time when
/// `None`), by code.
pub async fn accounts(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    as_of: Option<NaiveDate>,
) -> StoreResult<Vec<Account>> {
    Ok(crate::sql::query(
        "SELECT a.id, a.compound_id, a.code, a.name_zh, a.name_en, a.kind, a.category, a.active, \
           COALESCE(t.debit, 0)::bigint AS debit_fen, COALESCE(t.credit, 0)::bigint AS credit_fen \
         FROM ledger_accounts a LEFT JOIN ( \
           SELECT l.account_id, sum(l.debit_fen) AS debit, sum(l.credit_fen) AS credit \
           FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id \
           WHERE l.compound_id = $1 AND ($2::date IS NULL OR e.entry_date <= $2) GROUP BY l.account_id \
         ) t ON t.account_id = a.id WHERE a.compound_id = $1 ORDER BY a.code",
    )
    .bind::<SqlUuid, _>(compound_id)
    .bind::<Nullable<Date>, _>(as_of)
    .load(conn)
    .await?)
}

/// The compound's accounts as an import needs them.
pub async fn account_refs(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<AccountRef>> {
    let rows: Vec<(Uuid, String, String, String, bool)> = ledger_accounts::table
        .filter(ledger_accounts::compound_id.eq(compound_id))
        .select((
            ledger_accounts::id,
            ledger_accounts::code,
            ledger_accounts::name_zh,
            ledger_accounts::kind,
            ledger_accounts::active,
        ))
        .load(conn)
        .await?;
    rows.into_iter()
        .map(
            |(id, code, name_zh, kind, active)| -> StoreResult<AccountRef> {
                Ok(AccountRef {
                    id,
                    code,
                    name_zh,
                    kind: crate::stored(&kind, AccountKind::parse, "ledger_accounts.kind")?,
                    active,
                })
            },
        )
        .collect()
}

/// The compound's accounts as postings and imports need them, opening the ledger with the
/// standard chart first if it has none (one query on every later call).
pub async fn chart(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<AccountRef>> {
    let accounts = account_refs(conn, compound_id).await?;
    if !accounts.is_empty() {
        return Ok(accounts);
    }
    ensure_chart(conn, compound_id).await?;
    account_refs(conn, compound_id).await
}

/// A new account of a compound's own.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: AccountKind,
    pub category: String,
}

/// Adds an account to a compound's chart.
pub async fn add_account(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    compound_id: Uuid,
    area_path: &str,
    new: &NewAccount,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(ledger_accounts::table)
            .values((
                ledger_accounts::id.eq(id),
                ledger_accounts::compound_id.eq(compound_id),
                ledger_accounts::code.eq(&new.code),
                ledger_accounts::name_zh.eq(&new.name_zh),
                ledger_accounts::name_en.eq(&new.name_en),
                ledger_accounts::kind.eq(new.kind.as_str()),
                ledger_accounts::category.eq(&new.category),
            ))
            .execute(tx)
            .await?;
        let after = json!({"compound_id": compound_id, "code": new.code, "name_zh": new.name_zh,
            "name_en": new.name_en, "kind": new.kind.as_str(), "category": new.category});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_account.created",
                object_type: "ledger_account",
                object_id: id.to_string(),
                area_path: Some(area_path.to_owned()),
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

const ENTRY_SELECT: &str = "SELECT e.id, e.number, e.compound_id, e.entry_date, e.memo, e.voucher_no, e.source, \
    e.reverses_id, (SELECT r.id FROM ledger_entries r WHERE r.reverses_id = e.id) AS reversed_by, \
    (SELECT COALESCE(sum(l.debit_fen), 0)::bigint FROM ledger_lines l WHERE l.entry_id = e.id) AS amount_fen, \
    (SELECT count(*) FROM ledger_vouchers v WHERE v.entry_id = e.id) AS voucher_count, e.created_at \
    FROM ledger_entries e";

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

/// Turns the database's own ledger refusals into the errors callers act on.
fn ledger_refusal(e: StoreError) -> StoreError {
    let StoreError::Query(diesel::result::Error::DatabaseError(_, info)) = &e else {
        return e;
    };
    let message = info.message();
    if message.starts_with("ledger_period_closed") {
        DomainError::WrongState {
            code: "period_closed",
            detail: "该月份已结账，不能再记账；请在未结账月份做更正分录 / the month is closed; post a correction in an open month".into(),
            allowed: vec![],
        }
        .into()
    } else if message.starts_with("ledger_unbalanced") {
        DomainError::field("lines", "借贷不平衡 / the entry does not balance").into()
    } else if message.starts_with("ledger_immutable") {
        DomainError::WrongState {
            code: "entry_immutable",
            detail:
                "已记账的分录不能修改，请做冲销分录 / posted entries cannot change; reverse them"
                    .into(),
            allowed: vec![],
        }
        .into()
    } else {
        e
    }
}

/// Writes entries and their lines in one statement each (the database allows lines only
/// with their entry). Returns the entries' ids in order.
async fn insert_entries(
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
    Ok(diesel::sql_query(format!(
        "{ENTRY_SELECT} WHERE e.compound_id = $1 AND ($2::date IS NULL OR e.entry_date >= $2) \
         AND ($3::date IS NULL OR e.entry_date <= $3) \
         AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM ledger_lines x WHERE x.entry_id = e.id AND x.account_id = $4)) \
         AND ($5::bigint IS NULL OR e.number < $5) ORDER BY e.number DESC LIMIT $6"
    ))
    .bind::<SqlUuid, _>(compound_id)
    .bind::<Nullable<Date>, _>(filter.from)
    .bind::<Nullable<Date>, _>(filter.to)
    .bind::<Nullable<SqlUuid>, _>(filter.account_id)
    .bind::<Nullable<BigInt>, _>(before)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// One entry of a compound.
pub async fn find_entry(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    id: Uuid,
) -> StoreResult<EntryRow> {
    let rows: Vec<EntryRow> = diesel::sql_query(format!(
        "{ENTRY_SELECT} WHERE e.id = $1 AND e.compound_id = $2"
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

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub import_id: Uuid,
    pub entries: usize,
    pub rows: usize,
    /// The same file had been imported before; nothing new was posted.
    pub replayed: bool,
    pub created_at: DateTime<Utc>,
}

/// The import of the same file into the same compound, if there was one.
pub async fn previous_import(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    sha256: &[u8],
) -> StoreResult<Option<ImportOutcome>> {
    let existing: Option<(Uuid, i32, i32, DateTime<Utc>)> = ledger_imports::table
        .filter(ledger_imports::compound_id.eq(compound_id))
        .filter(ledger_imports::sha256.eq(sha256))
        .select((
            ledger_imports::id,
            ledger_imports::entry_count,
            ledger_imports::row_count,
            ledger_imports::created_at,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(
        existing.map(|(import_id, entries, rows, created_at)| ImportOutcome {
            import_id,
            entries: usize::try_from(entries).unwrap_or_default(),
            rows: usize::try_from(rows).unwrap_or_default(),
            replayed: true,
            created_at,
        }),
    )
}

/// The file being imported: its name and SHA-256.
#[derive(Debug, Clone)]
pub struct ImportFile {
    pub name: String,
    pub sha256: Vec<u8>,
}

/// Posts a validated cash journal as one transaction: every row or none. The file's hash
/// makes a re-upload of the same file a no-op that answers with the first import.
/// `progress` hears how many entries have been written so far.
pub async fn import(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    compound_id: Uuid,
    area_path: &str,
    file: &ImportFile,
    rows: &[CashRow],
    progress: &mut (dyn FnMut(usize) + Send),
) -> StoreResult<ImportOutcome> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        // Two uploads of the same file at once: the second waits here and then replays.
        crate::sql::query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 4301110008))")
            .bind::<Text, _>(compound_id.to_string())
            .execute(tx)
            .await?;
        let (file_name, sha256) = (file.name.as_str(), file.sha256.as_slice());
        if let Some(previous) = previous_import(tx, compound_id, sha256).await? {
            return Ok(previous);
        }
        let import_id = Uuid::now_v7();
        let count = i32::try_from(rows.len()).unwrap_or(i32::MAX);
        let created_at: DateTime<Utc> = diesel::insert_into(ledger_imports::table)
            .values((
                ledger_imports::id.eq(import_id),
                ledger_imports::compound_id.eq(compound_id),
                ledger_imports::sha256.eq(sha256),
                ledger_imports::file_name.eq(file_name),
                ledger_imports::row_count.eq(count),
                ledger_imports::entry_count.eq(count),
                ledger_imports::imported_by.eq(ctx.user_id()),
            ))
            .returning(ledger_imports::created_at)
            .get_result(tx)
            .await?;
        let mut written = 0;
        for chunk in rows.chunks(5_000) {
            let entries: Vec<NewEntry> = chunk
                .iter()
                .map(|r| NewEntry {
                    compound_id,
                    entry_date: r.date,
                    memo: r.memo.clone(),
                    voucher_no: r.voucher_no.clone(),
                    lines: r.lines.to_vec(),
                    reverses: None,
                })
                .collect();
            insert_entries(tx, &entries, "import", Some(import_id), ctx.user_id()).await?;
            written += chunk.len();
            progress(written);
        }
        let income: i64 = rows
            .iter()
            .map(|r| r.lines[0].debit_fen)
            .sum();
        let data = json!({"compound_id": compound_id, "file_name": file_name, "entries": rows.len(),
            "amount_fen": income, "first_date": rows.iter().map(|r| r.date).min(), "last_date": rows.iter().map(|r| r.date).max()});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_import.posted",
                object_type: "ledger_import",
                object_id: import_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(data.clone()),
                event_data: data,
            },
        )
        .await?;
        Ok(ImportOutcome {
            import_id,
            entries: rows.len(),
            rows: rows.len(),
            replayed: false,
            created_at,
        })
    })
    .await
    .map_err(ledger_refusal)
}

/// Movements per account over `[from, to]` (either end open), for reports.
pub async fn movements(
    conn: &mut AsyncPgConnection,
    compound_ids: &[Uuid],
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> StoreResult<Vec<Movement>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        kind: crate::error::Code<AccountKind>,
        #[diesel(sql_type = Text)]
        category: String,
        #[diesel(sql_type = BigInt)]
        debit_fen: i64,
        #[diesel(sql_type = BigInt)]
        credit_fen: i64,
    }
    let rows: Vec<Row> = crate::sql::query(
        "SELECT a.kind, a.category, COALESCE(sum(l.debit_fen), 0)::bigint AS debit_fen, \
           COALESCE(sum(l.credit_fen), 0)::bigint AS credit_fen \
         FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id JOIN ledger_accounts a ON a.id = l.account_id \
         WHERE l.compound_id = ANY($1) AND ($2::date IS NULL OR e.entry_date >= $2) AND ($3::date IS NULL OR e.entry_date <= $3) \
         GROUP BY a.kind, a.category ORDER BY a.kind, a.category",
    )
    .bind::<Array<SqlUuid>, _>(compound_ids)
    .bind::<Nullable<Date>, _>(from)
    .bind::<Nullable<Date>, _>(to)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Movement {
            kind: r.kind.0,
            category: r.category,
            debit_fen: r.debit_fen,
            credit_fen: r.credit_fen,
        })
        .collect())
}

/// One month's income or spending in one category.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct MonthlyRow {
    #[diesel(sql_type = Date)]
    pub month: NaiveDate,
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub category: String,
    #[diesel(sql_type = BigInt)]
    pub amount_fen: i64,
}

/// Monthly income and spending by category for the compounds under the patterns.
pub async fn monthly(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<MonthlyRow>> {
    Ok(crate::sql::query(
        "SELECT date_trunc('month', e.entry_date)::date AS month, a.kind, a.category, \
           (CASE WHEN a.kind = 'income' THEN sum(l.credit_fen) - sum(l.debit_fen) ELSE sum(l.debit_fen) - sum(l.credit_fen) END)::bigint AS amount_fen \
         FROM ledger_lines l JOIN ledger_entries e ON e.id = l.entry_id JOIN ledger_accounts a ON a.id = l.account_id \
         JOIN areas ca ON ca.id = l.compound_id \
         WHERE ca.path LIKE ANY($1) AND a.kind IN ('income', 'expense') AND e.entry_date BETWEEN $2 AND $3 \
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
    )
    .bind::<Array<Text>, _>(patterns)
    .bind::<Date, _>(from)
    .bind::<Date, _>(to)
    .load(conn)
    .await?)
}

/// Income, spending and funds of each child area (or compound) of an area.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct AreaTotals {
    #[diesel(sql_type = SqlUuid)]
    pub area_id: Uuid,
    #[diesel(sql_type = Text)]
    pub area_name: String,
    /// `subdistrict`, `community` or `compound`.
    #[diesel(sql_type = Text)]
    pub area_kind: String,
    #[diesel(sql_type = BigInt)]
    pub compounds: i64,
    #[diesel(sql_type = BigInt)]
    pub income_fen: i64,
    #[diesel(sql_type = BigInt)]
    pub expense_fen: i64,
}

/// Rolls the ledgers under `parent` up by its children within the scope.
pub async fn by_child_area(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    parent: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> StoreResult<Vec<AreaTotals>> {
    Ok(crate::sql::query(
        "SELECT c.id AS area_id, c.name AS area_name, c.kind AS area_kind, \
           (SELECT count(DISTINCT l.compound_id) FROM ledger_lines l JOIN areas ca ON ca.id = l.compound_id WHERE ca.path LIKE c.path || '%') AS compounds, \
           COALESCE(sum(CASE WHEN a.kind = 'income' THEN l.credit_fen - l.debit_fen END), 0)::bigint AS income_fen, \
           COALESCE(sum(CASE WHEN a.kind = 'expense' THEN l.debit_fen - l.credit_fen END), 0)::bigint AS expense_fen \
         FROM areas c \
         LEFT JOIN areas ca ON ca.path LIKE c.path || '%' AND ca.kind = 'compound' \
         LEFT JOIN ledger_lines l ON l.compound_id = ca.id \
           AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = l.entry_id AND e.entry_date BETWEEN $3 AND $4) \
         LEFT JOIN ledger_accounts a ON a.id = l.account_id \
         WHERE c.parent_id = $2 AND c.path LIKE ANY($1) \
         GROUP BY c.id, c.name, c.kind, c.path ORDER BY c.name",
    )
    .bind::<Array<Text>, _>(patterns)
    .bind::<SqlUuid, _>(parent)
    .bind::<Date, _>(from)
    .bind::<Date, _>(to)
    .load(conn)
    .await?)
}

/// Entries whose lines do not balance, or that have fewer than two: always none.
pub async fn unbalanced_entries(conn: &mut AsyncPgConnection) -> StoreResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let c: Count = crate::sql::query(
        "SELECT count(*) AS n FROM ledger_entries e LEFT JOIN LATERAL ( \
           SELECT count(*) AS lines, COALESCE(sum(debit_fen), 0) AS d, COALESCE(sum(credit_fen), 0) AS c \
           FROM ledger_lines l WHERE l.entry_id = e.id) t ON true WHERE t.lines < 2 OR t.d <> t.c",
    )
    .get_result(conn)
    .await?;
    Ok(c.n)
}

/// A published disclosure (公示).
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Disclosure {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub compound_id: Uuid,
    #[diesel(sql_type = Text)]
    pub compound_name: String,
    #[diesel(sql_type = Date)]
    pub period_from: NaiveDate,
    #[diesel(sql_type = Date)]
    pub period_to: NaiveDate,
    #[diesel(sql_type = diesel::sql_types::Jsonb)]
    pub summary: serde_json::Value,
    #[diesel(sql_type = Nullable<Text>)]
    pub note: Option<String>,
    #[diesel(sql_type = Text)]
    pub publisher: String,
    #[diesel(sql_type = Timestamptz)]
    pub published_at: DateTime<Utc>,
}

const DISCLOSURE_SELECT: &str = "SELECT d.id, d.compound_id, a.name AS compound_name, d.period_from, d.period_to, \
    d.summary, d.note, d.publisher, d.published_at FROM disclosures d JOIN areas a ON a.id = d.compound_id";

/// A compound's disclosures, newest first.
pub async fn disclosures(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<Disclosure>> {
    Ok(diesel::sql_query(format!(
        "{DISCLOSURE_SELECT} WHERE d.compound_id = $1 ORDER BY d.published_at DESC LIMIT 200"
    ))
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?)
}

/// One disclosure within the scope's compounds.
pub async fn disclosure(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Disclosure> {
    let rows: Vec<Disclosure> = diesel::sql_query(format!(
        "{DISCLOSURE_SELECT} WHERE d.id = $1 AND d.area_path LIKE ANY($2)"
    ))
    .bind::<SqlUuid, _>(id)
    .bind::<Array<Text>, _>(patterns)
    .load(conn)
    .await?;
    rows.into_iter()
        .next()
        .ok_or_else(|| DomainError::NotFound("disclosure").into())
}

/// A disclosure to publish: the figures are computed by the caller from the ledger.
#[derive(Debug, Clone)]
pub struct NewDisclosure {
    pub compound_id: Uuid,
    pub area_path: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub summary: serde_json::Value,
    pub note: Option<String>,
    pub publisher: String,
}

/// Publishes a disclosure, audited and announced.
pub async fn publish(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewDisclosure,
) -> StoreResult<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        crate::sql::query(
            "INSERT INTO disclosures (id, compound_id, area_path, period_from, period_to, summary, note, published_by, publisher) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<SqlUuid, _>(new.compound_id)
        .bind::<Text, _>(&new.area_path)
        .bind::<Date, _>(new.period_from)
        .bind::<Date, _>(new.period_to)
        .bind::<diesel::sql_types::Jsonb, _>(&new.summary)
        .bind::<Nullable<Text>, _>(new.note.as_deref())
        .bind::<Nullable<SqlUuid>, _>(ctx.user_id())
        .bind::<Text, _>(&new.publisher)
        .execute(tx)
        .await?;
        let data = json!({"compound_id": new.compound_id, "period_from": new.period_from, "period_to": new.period_to});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "disclosure.published",
                object_type: "disclosure",
                object_id: id.to_string(),
                area_path: Some(new.area_path.clone()),
                before: None,
                after: Some(json!({"compound_id": new.compound_id, "period_from": new.period_from,
                    "period_to": new.period_to, "summary": new.summary, "note": new.note})),
                event_data: data,
            },
        )
        .await
    })
    .await?;
    Ok(id)
}

/// A voucher (凭证) scanned and attached to an entry.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Voucher {
    pub id: Uuid,
    pub entry_id: Uuid,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    pub stored_path: String,
    pub created_at: DateTime<Utc>,
}

/// The vouchers of an entry.
pub async fn vouchers(conn: &mut AsyncPgConnection, entry_id: Uuid) -> StoreResult<Vec<Voucher>> {
    use crate::schema::ledger_vouchers as v;
    Ok(v::table
        .filter(v::entry_id.eq(entry_id))
        .select((
            v::id,
            v::entry_id,
            v::content_type,
            v::size_bytes,
            v::file_name,
            v::stored_path,
            v::created_at,
        ))
        .order(v::created_at.asc())
        .load(conn)
        .await?)
}

/// A stored voucher file to record.
#[derive(Debug, Clone)]
pub struct NewVoucher {
    pub id: Uuid,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    pub file_name: String,
    pub stored_path: String,
}

/// Records a voucher on an entry, audited.
pub async fn add_voucher(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    entry: &EntryRow,
    area_path: &str,
    new: &NewVoucher,
) -> StoreResult<()> {
    use crate::schema::ledger_vouchers as v;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(v::table)
            .values((
                v::id.eq(new.id),
                v::entry_id.eq(entry.id),
                v::content_type.eq(new.content_type),
                v::size_bytes.eq(new.size_bytes),
                v::sha256.eq(&new.sha256),
                v::file_name.eq(&new.file_name),
                v::stored_path.eq(&new.stored_path),
                v::uploaded_by.eq(ctx.user_id()),
            ))
            .execute(tx)
            .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_voucher.attached",
                object_type: "ledger_entry",
                object_id: entry.id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(json!({"voucher_id": new.id, "file_name": new.file_name,
                    "size_bytes": new.size_bytes, "content_type": new.content_type})),
                event_data: json!({"voucher_id": new.id, "compound_id": entry.compound_id}),
            },
        )
        .await
    })
    .await
}

/// Entries per month of a compound's ledger.
pub async fn month_counts(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
) -> StoreResult<Vec<(NaiveDate, i64)>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = Date)]
        month: NaiveDate,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let rows: Vec<Row> = crate::sql::query(
        "SELECT date_trunc('month', entry_date)::date AS month, count(*) AS n FROM ledger_entries \
         WHERE compound_id = $1 GROUP BY 1 ORDER BY 1 DESC",
    )
    .bind::<SqlUuid, _>(compound_id)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.month, r.n)).collect())
}

/// Compounds whose id or exact name is `text`: (id, name, path).
pub async fn compounds_named(
    conn: &mut AsyncPgConnection,
    text: &str,
) -> StoreResult<Vec<(Uuid, String, String)>> {
    use crate::schema::areas;
    let by_id = Uuid::parse_str(text).ok();
    Ok(areas::table
        .filter(areas::kind.eq("compound"))
        .filter(areas::name.eq(text).or(areas::id.nullable().eq(by_id)))
        .select((areas::id, areas::name, areas::path))
        .order(areas::path.asc())
        .load(conn)
        .await?)
}
