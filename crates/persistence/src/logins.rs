//! Sign-in attempts, for throttling.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::throttle::{Failures, WINDOW_MINUTES};

use crate::{error::StoreResult, schema::login_attempts};

/// Records an attempt.
pub async fn record(
    conn: &mut AsyncPgConnection,
    username: &str,
    client_ip: &str,
    succeeded: bool,
) -> StoreResult<()> {
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::username.eq(username),
            login_attempts::client_ip.eq(client_ip),
            login_attempts::succeeded.eq(succeeded),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Failures of the account (since its last success) and of the client address within the window.
pub async fn recent_failures(
    conn: &mut AsyncPgConnection,
    username: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> StoreResult<(Failures, Failures)> {
    let window_start = now - chrono::Duration::minutes(WINDOW_MINUTES);
    let last_success: Option<DateTime<Utc>> = login_attempts::table
        .filter(login_attempts::username.eq(username))
        .filter(login_attempts::succeeded.eq(true))
        .filter(login_attempts::at.gt(window_start))
        .select(diesel::dsl::max(login_attempts::at))
        .first(conn)
        .await?;
    let account_since = last_success.map_or(window_start, |s| s.max(window_start));
    let (count, oldest): (i64, Option<DateTime<Utc>>) = login_attempts::table
        .filter(login_attempts::username.eq(username))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(account_since))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_attempts::at),
        ))
        .first(conn)
        .await?;
    let account = Failures { count, oldest };
    let (count, oldest): (i64, Option<DateTime<Utc>>) = login_attempts::table
        .filter(login_attempts::client_ip.eq(client_ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(window_start))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(login_attempts::at),
        ))
        .first(conn)
        .await?;
    Ok((account, Failures { count, oldest }))
}

/// Forgets attempts older than a day.
pub async fn purge_old(conn: &mut AsyncPgConnection) -> StoreResult<usize> {
    Ok(diesel::delete(
        login_attempts::table.filter(login_attempts::at.lt(diesel::dsl::sql::<
            diesel::sql_types::Timestamptz,
        >(
            "linli_now() - interval '1 day'"
        ))),
    )
    .execute(conn)
    .await?)
}
