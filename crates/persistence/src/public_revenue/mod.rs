//! Public revenue ledgers: accounts, journal entries and lines, closed months, imports,
//! vouchers and the report queries. The database re-checks balance, immutability and
//! closed months itself (see the migration), so these functions cannot break them.

use chrono::NaiveDate;
use diesel::{
    prelude::*,
    sql_types::{BigInt, Date, Uuid as SqlUuid},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::DomainError;
use uuid::Uuid;

use crate::{StoreError, error::StoreResult};

mod accounts;
mod disclosures;
mod entries;
mod imports;
mod periods;
mod reports;
mod vouchers;

pub use accounts::*;
pub use disclosures::*;
pub use entries::*;
pub use imports::*;
pub use periods::*;
pub use reports::*;
pub use vouchers::*;

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
