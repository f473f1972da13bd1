//! Linli's use cases.
//!
//! One function per use case, in a file named after it under the module of its business
//! area: a typed command and the [`Caller`] in, a result out, on a connection the caller of
//! the function has already opened a transaction on. Each owns the order
//! *authorise -> validate (domain) -> load -> decide (domain) -> store -> audit and event*,
//! so the HTTP handlers, Open311, the imports and the command line, which all call the same
//! function, cannot differ in what they check or store. See `docs/ARCHITECTURE.md`.

pub mod access;
pub mod allowances;
pub mod api_keys;
pub mod areas;
pub mod audit_log;
pub mod caller;
pub mod centres;
pub mod complaints;
pub mod compounds;
pub mod contracts;
pub mod meetings;
pub mod organisations;
pub mod password;
pub mod people;
pub mod posts;
pub mod public_revenue;
pub mod sessions;
pub mod special_audits;
pub mod stats;
pub mod users;
pub mod volunteering;
pub mod webhooks;

pub use caller::Caller;

use futures_util::future::BoxFuture;
pub use linli_persistence::StoreError as Error;
use linli_persistence::{AsyncPgConnection, Db};

/// What a use case answers: its result, or why not (a domain refusal — validation, not
/// found, forbidden, wrong state — or the database).
pub type Result<T> = std::result::Result<T, Error>;

/// `work` for [`on_connection`], [`in_transaction`] and the HTTP layer's keyed `respond`: the
/// body, run with the connection bound to the name given, as the boxed future they take.
/// Captured values are moved in.
///
/// ```ignore
/// let area = in_transaction(&db, with_tx!(|tx| areas::create_area(tx, &caller, input).await)).await?;
/// ```
#[macro_export]
macro_rules! with_tx {
    (|$tx:ident| $body:expr) => {
        move |$tx| ::std::boxed::Box::pin(async move { $body })
    };
}

/// Runs `work` (a read: a use case that changes nothing) on one connection of `db`,
/// without a transaction: no `BEGIN` and `COMMIT` round trips for what only reads.
pub async fn on_connection<T, W>(db: &Db, work: W) -> Result<T>
where
    T: Send,
    W: for<'r> FnOnce(&'r mut AsyncPgConnection) -> BoxFuture<'r, Result<T>> + Send,
{
    let mut conn = db.conn().await?;
    work(&mut conn).await
}

/// A "not found" turned into a field error on `field` (an id in a body that names nothing
/// the caller may use); every other failure — the database being down above all — keeps its
/// meaning.
pub fn not_found_as_field(error: Error, field: &str, message: &str) -> Error {
    match error {
        Error::Domain(linli_domain::DomainError::NotFound(_)) => {
            linli_domain::DomainError::field(field, message).into()
        }
        other => other,
    }
}

/// Runs `work` (a use case, or a use case and the reads that shape its answer) in one
/// transaction on one connection of `db`: all of it is stored, or none.
pub async fn in_transaction<T, W>(db: &Db, work: W) -> Result<T>
where
    T: Send,
    W: for<'r> FnOnce(&'r mut AsyncPgConnection) -> BoxFuture<'r, Result<T>> + Send,
{
    use diesel_async::AsyncConnection;
    let mut conn = db.conn().await?;
    conn.transaction::<T, Error, _>(async move |tx| work(tx).await)
        .await
}

/// Whether `error` says that something is not there (or not in the caller's sight).
pub fn is_not_found(error: &Error) -> bool {
    matches!(error, Error::Domain(linli_domain::DomainError::NotFound(_)))
}

/// A "not found" of one kind reported as another (`organisation` as `team`); every other
/// failure keeps its meaning.
pub fn not_found_as(error: Error, what: &'static str) -> Error {
    match error {
        Error::Domain(linli_domain::DomainError::NotFound(_)) => {
            linli_domain::DomainError::NotFound(what).into()
        }
        other => other,
    }
}

/// A keyset cursor `(key, typed id)` as the storage layer reads it, with the bare uuid.
pub fn stored_key<K: Clone, I: Copy + Into<uuid::Uuid>>(
    after: Option<&(K, I)>,
) -> Option<(K, uuid::Uuid)> {
    after.map(|(key, id)| (key.clone(), (*id).into()))
}
