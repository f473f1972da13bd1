//! The governance registry's storage.

pub mod centres;
pub mod contracts;
pub mod indicators;
pub mod meetings;
pub mod organisations;
pub mod people;

use diesel::sql_types::{Array, Text};
use linli_domain::DomainError;

use crate::error::StoreResult;

/// Binds for "this path lies in the scope": `LIKE ANY($n)` with the scope's patterns.
pub type Patterns = Array<Text>;

/// The one row a scoped lookup by id found; none means missing or out of scope, which
/// callers must not tell apart (both answer 404).
pub(crate) fn only_row<T>(rows: Vec<T>, what: &'static str) -> StoreResult<T> {
    rows.into_iter()
        .next()
        .ok_or_else(|| DomainError::NotFound(what).into())
}
