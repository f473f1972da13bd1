//! Report queries: movements, monthly figures, roll-ups by area, balance check.

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Text, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::public_revenue::{AccountKind, Movement};
use uuid::Uuid;

use crate::error::StoreResult;

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
         WHERE l.compound_id = ANY($1)",
    )
    .bind::<Array<SqlUuid>, _>(compound_ids)
    .filter::<Date, _>(" AND e.entry_date >= ", from)
    .filter::<Date, _>(" AND e.entry_date <= ", to)
    .sql(" GROUP BY a.kind, a.category ORDER BY a.kind, a.category")
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
