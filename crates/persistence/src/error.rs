//! Storage errors, already sorted into what a caller can act on.

use diesel::deserialize::{self, FromSql};
use diesel::pg::{Pg, PgValue};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel::sql_types::Text;
use linli_domain::DomainError;
use linli_domain::text_enum::TextEnum;

/// What went wrong while talking to PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A domain rule refused the change (raised inside a transaction).
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// No connection could be had in time, or the server went away.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A statement ran past the server's `statement_timeout`.
    #[error("database statement timed out")]
    Timeout,
    /// Anything else: a bug or a broken invariant; logged, never shown to clients.
    #[error("database error: {0}")]
    Query(DieselError),
    /// A failure beside the database in the same unit of work (hashing a password); logged,
    /// never shown to clients.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DieselError> for StoreError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::DatabaseError(kind, info) if connection_lost(kind, info.message()) => {
                StoreError::Unavailable(e.to_string())
            }
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                StoreError::Domain(unique_violation(info.constraint_name().unwrap_or("unique")))
            }
            // 23P01: an exclusion constraint (overlapping terms, double contracts) refused
            // the row; diesel has no kind for it, the message names it.
            DieselError::DatabaseError(_, info)
                if info.message().contains("exclusion constraint") =>
            {
                StoreError::Domain(DomainError::Conflict(
                    info.constraint_name().unwrap_or("exclusion").to_owned(),
                ))
            }
            DieselError::DatabaseError(_, info) if info.message().contains("statement timeout") => {
                StoreError::Timeout
            }
            _ => StoreError::Query(e),
        }
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for StoreError {
    fn from(e: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        StoreError::Unavailable(e.to_string())
    }
}

/// True when the error says the connection (or the server behind it) went away, so the
/// request can succeed once retried: PostgreSQL restarting, failing over or terminating the
/// session. Such errors must answer 503 + `Retry-After`, not 500 — a client told 500 would
/// not retry, and the pool replaces the dead connection on its next checkout anyway.
///
/// diesel does not expose the SQLSTATE, so the server's messages are matched, as for
/// statement timeouts below; they are PostgreSQL's English ones (a server set to another
/// `lc_messages` sends translations, which would fall through to 500).
fn connection_lost(kind: &DatabaseErrorKind, message: &str) -> bool {
    match kind {
        DatabaseErrorKind::ClosedConnection => true,
        // diesel-async reports transport failures (no SQLSTATE) as `UnableToSendCommand`
        // with tokio-postgres' message; the same kind also carries our own bugs (a
        // parameter that does not serialise, a column that does not decode), which stay 500,
        // hence the list of transport messages instead of the kind alone.
        DatabaseErrorKind::UnableToSendCommand => [
            "connection closed",
            "error communicating with the server",
            "error connecting to server",
            "timeout waiting for server",
            // the connection's background task ended (its broadcast channel closed)
            "channel closed",
        ]
        .iter()
        .any(|m| message.starts_with(m)),
        _ => {
            // 57P01 admin_shutdown (fast/smart stop, pg_terminate_backend, postmaster
            // death), 57P02 crash_shutdown (another backend crashed), 57P05 idle session
            // timeout: "terminating connection …". 57P03 cannot_connect_now: "the database
            // system is starting up / shutting down / in recovery mode / not yet accepting
            // connections". 53300: "sorry, too many clients already".
            message.starts_with("terminating connection ")
                || message.starts_with("the database system is ")
                || message.starts_with("sorry, too many clients already")
        }
    }
}

/// Turns a unique constraint the user can fix into a field error, the rest into a conflict.
fn unique_violation(constraint: &str) -> DomainError {
    match constraint {
        "areas_unique_name_per_parent" => DomainError::field(
            "name",
            "同一上级区域下已有同名区域 / an area with this name already exists under the same parent",
        ),
        "areas_code_key" => {
            DomainError::field("code", "该编码已被使用 / this code is already in use")
        }
        "users_username_key" => DomainError::field(
            "username",
            "该用户名已被使用 / this username is already taken",
        ),
        "organisations_unique_name" => DomainError::field(
            "name",
            "该区域已有同类同名组织 / an organisation of this kind with this name already exists in the area",
        ),
        "centres_unique_name" => DomainError::field(
            "name",
            "该社区已有同名邻里中心 / a centre with this name already exists in the community",
        ),
        "ledger_accounts_code_once" => {
            DomainError::field("code", "该科目代码已被使用 / this code is already in use")
        }
        other => DomainError::Conflict(other.to_owned()),
    }
}

/// Shorthand for repository results.
pub type StoreResult<T> = Result<T, StoreError>;

/// Reads a stored code back into its enum. A code the enum does not know means the data or
/// the code is broken: an internal error naming the column and the value (logged, 500),
/// never a silent default.
pub fn stored<T>(code: &str, parse: fn(&str) -> Option<T>, what: &'static str) -> StoreResult<T> {
    parse(code).ok_or_else(|| {
        StoreError::Query(DieselError::DeserializationError(
            unknown(what, code).into(),
        ))
    })
}

fn unknown(what: &str, code: &str) -> String {
    format!("unknown stored code {code:?} for {what}")
}

/// A text column read straight into its enum (`#[diesel(sql_type = Text)]` on a
/// `QueryableByName` field): an unknown code fails the row's load with an internal error
/// naming the column and the value, instead of defaulting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::deserialize::FromSqlRow)]
pub struct Code<T>(pub T);

impl<T: TextEnum> FromSql<Text, Pg> for Code<T> {
    fn from_sql(bytes: PgValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Pg>>::from_sql(bytes)?;
        T::from_code(&text)
            .map(Code)
            .ok_or_else(|| unknown(std::any::type_name::<T>(), &text).into())
    }
}

/// "Not found" as `None`, for callers to whom absence is an answer; every other failure
/// (the database being down above all) stays an error instead of being read as absence.
pub trait Found<T> {
    fn found(self) -> StoreResult<Option<T>>;
}

impl<T> Found<T> for StoreResult<T> {
    fn found(self) -> StoreResult<Option<T>> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(StoreError::Domain(DomainError::NotFound(_))) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db_error(kind: DatabaseErrorKind, message: &str) -> StoreError {
        DieselError::DatabaseError(kind, Box::new(message.to_owned())).into()
    }

    #[test]
    fn unknown_stored_codes_are_internal_errors() {
        use linli_domain::allowance::CycleStatus;
        assert_eq!(
            stored("draft", CycleStatus::parse, "payment_cycles.status").ok(),
            Some(CycleStatus::Draft)
        );
        let Err(err) = stored("drafty", CycleStatus::parse, "payment_cycles.status") else {
            panic!("an unknown code must fail");
        };
        assert!(matches!(err, StoreError::Query(_)), "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains("payment_cycles.status") && text.contains("drafty"),
            "{text}"
        );
    }

    #[test]
    fn a_lost_connection_is_unavailable() {
        for (kind, message) in [
            (
                DatabaseErrorKind::Unknown,
                "terminating connection due to administrator command",
            ),
            (
                DatabaseErrorKind::Unknown,
                "terminating connection because of crash of another server process",
            ),
            (
                DatabaseErrorKind::Unknown,
                "terminating connection due to unexpected postmaster exit",
            ),
            (
                DatabaseErrorKind::Unknown,
                "the database system is shutting down",
            ),
            (
                DatabaseErrorKind::Unknown,
                "the database system is in recovery mode",
            ),
            (
                DatabaseErrorKind::Unknown,
                "sorry, too many clients already",
            ),
            (DatabaseErrorKind::UnableToSendCommand, "connection closed"),
            (
                DatabaseErrorKind::UnableToSendCommand,
                "error communicating with the server: Connection reset by peer (os error 104)",
            ),
            (DatabaseErrorKind::UnableToSendCommand, "channel closed"),
            (
                DatabaseErrorKind::ClosedConnection,
                "server closed the connection",
            ),
        ] {
            assert!(
                matches!(db_error(kind, message), StoreError::Unavailable(_)),
                "{message}"
            );
        }
    }

    #[test]
    fn bugs_stay_query_errors() {
        for (kind, message) in [
            (
                DatabaseErrorKind::UnableToSendCommand,
                "error serializing parameter 1",
            ),
            (
                DatabaseErrorKind::UnableToSendCommand,
                "expected 2 parameters but got 1",
            ),
            (DatabaseErrorKind::Unknown, "column \"nope\" does not exist"),
            (
                DatabaseErrorKind::ForeignKeyViolation,
                "insert or update on table \"x\" violates foreign key constraint",
            ),
        ] {
            assert!(
                matches!(db_error(kind, message), StoreError::Query(_)),
                "{message}"
            );
        }
        assert!(matches!(
            db_error(
                DatabaseErrorKind::Unknown,
                "canceling statement due to statement timeout"
            ),
            StoreError::Timeout
        ));
    }
}
