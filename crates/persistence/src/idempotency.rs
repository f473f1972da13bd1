//! Stored responses for requests carrying an `Idempotency-Key`.
//!
//! The key row is written in the same transaction as the work it guards, so either both
//! are stored or neither is: a crash between the two cannot leave a half-done request.
//! While the first request holds the key (a transaction-scoped advisory lock on it), a
//! second one answers "in flight" at once instead of waiting.

use diesel::{
    prelude::*,
    sql_types::{Bool, Text},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures_util::future::BoxFuture;
use linli_domain::DomainError;

use crate::{StoreError, schema::idempotency_keys};

/// How long stored responses are kept (the draft standard asks for at least 24 hours).
pub const RETENTION_HOURS: i64 = 48;
/// The oldest stored response still replayed, in SQL (48 hours: [`RETENTION_HOURS`]).
const RETAINED_SINCE: &str = "linli_now() - interval '48 hours'";

/// A response as stored and replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// What a replay answers instead of `body`, when `body` holds a secret shown once (a new
    /// API key): only this is stored.
    pub replay_body: Option<Vec<u8>>,
}

/// What to do with a request's key.
#[derive(Debug, Clone)]
pub struct KeyedRequest {
    /// Whose key it is (`user:<id>` / `api_key:<id>`): keys never collide across callers.
    pub principal: String,
    pub key: String,
    /// Digest of method, path and body.
    pub fingerprint: Vec<u8>,
}

/// A failure inside the guarded transaction: the bookkeeping's or the work's own.
enum Failure<E> {
    Store(StoreError),
    Work(E),
}

impl<E> From<diesel::result::Error> for Failure<E> {
    fn from(e: diesel::result::Error) -> Self {
        Failure::Store(e.into())
    }
}

impl<E> From<StoreError> for Failure<E> {
    fn from(e: StoreError) -> Self {
        Failure::Store(e)
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Runs `work` in a transaction, guarded by `keyed` when present. Returns the response and
/// whether it is a replay of a stored one.
pub async fn run<E>(
    conn: &mut AsyncPgConnection,
    keyed: Option<&KeyedRequest>,
    work: impl for<'r> FnOnce(&'r mut AsyncPgConnection) -> BoxFuture<'r, Result<StoredResponse, E>>
    + Send,
) -> Result<(StoredResponse, bool), E>
where
    E: From<StoreError> + Send,
{
    let outcome = match keyed {
        None => conn
            .transaction::<_, Failure<E>, _>(async move |tx| work(tx).await.map_err(Failure::Work))
            .await
            .map(|r| (r, false)),
        Some(keyed) => guarded(conn, keyed, work).await,
    };
    outcome.map_err(|f| match f {
        Failure::Store(e) => E::from(e),
        Failure::Work(e) => e,
    })
}

async fn guarded<E: Send>(
    conn: &mut AsyncPgConnection,
    keyed: &KeyedRequest,
    work: impl for<'r> FnOnce(&'r mut AsyncPgConnection) -> BoxFuture<'r, Result<StoredResponse, E>>
    + Send,
) -> Result<(StoredResponse, bool), Failure<E>> {
    conn.transaction::<_, Failure<E>, _>(async move |tx| {
        let locked: Locked = crate::sql::query(
            "SELECT pg_try_advisory_xact_lock(hashtextextended($1 || E'\\n' || $2, 0)) AS locked",
        )
        .bind::<Text, _>(&keyed.principal)
        .bind::<Text, _>(&keyed.key)
        .get_result(tx)
        .await?;
        if !locked.locked {
            return Err(Failure::Store(DomainError::IdempotencyInFlight.into()));
        }
        let stored: Option<(Vec<u8>, i32, serde_json::Value, Vec<u8>)> = idempotency_keys::table
            .filter(idempotency_keys::principal.eq(&keyed.principal))
            .filter(idempotency_keys::key.eq(&keyed.key))
            .filter(idempotency_keys::created_at.gt(diesel::dsl::sql::<
                diesel::sql_types::Timestamptz,
            >(RETAINED_SINCE)))
            .select((
                idempotency_keys::request_hash,
                idempotency_keys::response_status,
                idempotency_keys::response_headers,
                idempotency_keys::response_body,
            ))
            .first(tx)
            .await
            .optional()?;
        if let Some((fingerprint, status, headers, body)) = stored {
            if fingerprint != keyed.fingerprint {
                return Err(Failure::Store(DomainError::IdempotencyMismatch.into()));
            }
            let headers = serde_json::from_value(headers).unwrap_or_default();
            return Ok((
                StoredResponse {
                    status: status as u16,
                    headers,
                    body,
                    replay_body: None,
                },
                true,
            ));
        }
        let response = work(tx).await.map_err(Failure::Work)?;
        let kept = response.replay_body.as_ref().unwrap_or(&response.body);
        diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::principal.eq(&keyed.principal),
                idempotency_keys::key.eq(&keyed.key),
                idempotency_keys::request_hash.eq(&keyed.fingerprint),
                idempotency_keys::response_status.eq(i32::from(response.status)),
                idempotency_keys::response_headers
                    .eq(serde_json::to_value(&response.headers).unwrap_or_default()),
                idempotency_keys::response_body.eq(kept),
            ))
            .on_conflict((idempotency_keys::principal, idempotency_keys::key))
            .do_update()
            .set((
                idempotency_keys::request_hash.eq(&keyed.fingerprint),
                idempotency_keys::response_status.eq(i32::from(response.status)),
                idempotency_keys::response_headers
                    .eq(serde_json::to_value(&response.headers).unwrap_or_default()),
                idempotency_keys::response_body.eq(kept),
                idempotency_keys::created_at.eq(crate::clock::linli_now()),
            ))
            .execute(tx)
            .await?;
        Ok((response, false))
    })
    .await
}

/// Deletes stored responses past retention; returns how many.
pub async fn purge_expired(conn: &mut AsyncPgConnection) -> Result<usize, StoreError> {
    Ok(crate::sql::query(
        "DELETE FROM idempotency_keys WHERE created_at < linli_now() - interval '48 hours'",
    )
    .execute(conn)
    .await?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_sql_retention_is_the_stated_one() {
        let stated = format!("interval '{} hours'", super::RETENTION_HOURS);
        assert!(super::RETAINED_SINCE.ends_with(&stated));
    }
}
