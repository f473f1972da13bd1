//! Sign-in attempts, for throttling.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use linli_domain::throttle::{Failures, WINDOW_MINUTES, retry_after};

use crate::{error::StoreResult, schema::login_attempts};

/// Whether a sign-in may check its password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admitted {
    /// Yes: the attempt is recorded (as a failure until [`succeeded`]) under this id.
    Go(i64),
    /// No: too many recent failures; wait this many seconds.
    Wait(i64),
}

/// Counts the recent failures of `username` and `client_ip` and, unless the throttle refuses,
/// records this attempt as a failure until it proves otherwise — both under locks on the
/// account and the address (taken in that order), so that parallel attempts count one
/// another and no more than the limit ever reach the password check. The locks last only as
/// long as the count and the insert, not the password check.
pub async fn admit(
    conn: &mut AsyncPgConnection,
    username: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> StoreResult<Admitted> {
    use diesel_async::AsyncConnection;
    let (username, client_ip) = (username.to_owned(), client_ip.to_owned());
    conn.transaction::<_, crate::StoreError, _>(async move |tx| {
        for key in [
            format!("login:user:{username}"),
            format!("login:ip:{client_ip}"),
        ] {
            crate::sql::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .bind::<diesel::sql_types::Text, _>(key)
                .execute(tx)
                .await?;
        }
        let (account, client) = recent_failures(tx, &username, &client_ip, now).await?;
        if let Some(wait) = retry_after(account, client, now) {
            return Ok(Admitted::Wait(wait));
        }
        let id = diesel::insert_into(login_attempts::table)
            .values((
                login_attempts::username.eq(&username),
                login_attempts::client_ip.eq(&client_ip),
                login_attempts::succeeded.eq(false),
            ))
            .returning(login_attempts::id)
            .get_result(tx)
            .await?;
        Ok(Admitted::Go(id))
    })
    .await
}

/// The attempt `id` succeeded.
pub async fn succeeded(conn: &mut AsyncPgConnection, id: i64) -> StoreResult<()> {
    diesel::update(login_attempts::table.find(id))
        .set(login_attempts::succeeded.eq(true))
        .execute(conn)
        .await?;
    Ok(())
}

/// Failures of the account (since its last success) and of the client address within the
/// window.
async fn recent_failures(
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
