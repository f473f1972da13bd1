//! Storage errors, already sorted into what a caller can act on.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use linli_domain::DomainError;

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
}

impl From<DieselError> for StoreError {
    fn from(e: DieselError) -> Self {
        match &e {
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
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
        other => DomainError::Conflict(other.to_owned()),
    }
}

/// Shorthand for repository results.
pub type StoreResult<T> = Result<T, StoreError>;
