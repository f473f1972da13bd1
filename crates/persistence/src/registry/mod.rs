//! The governance registry's storage.

pub mod centres;
pub mod contracts;
pub mod indicators;
pub mod meetings;
pub mod organisations;
pub mod people;

use diesel::sql_types::{Array, Text};

/// Binds for "this path lies in the scope": `LIKE ANY($n)` with the scope's patterns.
pub type Patterns = Array<Text>;
