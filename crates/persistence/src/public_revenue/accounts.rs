//! Charts of accounts and their balances.

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{BigInt, Bool, Date, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::public_revenue::{AccountKind, AccountRef, TEMPLATE};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::ledger_accounts,
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
           WHERE l.compound_id = $1",
    )
    .bind::<SqlUuid, _>(compound_id)
    .filter::<Date, _>(" AND e.entry_date <= ", as_of)
    .sql(" GROUP BY l.account_id ) t ON t.account_id = a.id WHERE a.compound_id = $1 ORDER BY a.code")
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
                    id: id.into(),
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
