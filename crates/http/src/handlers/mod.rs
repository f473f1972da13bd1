//! One file per endpoint: `handlers/<resource>/<action>.rs`.

pub mod areas;
pub mod auth;
pub mod compounds;
pub mod health;
pub mod me;
pub mod stats;

/// OpenAPI tags, one per module.
pub mod tags {
    pub const HEALTH: &str = "health";
    pub const AUTH: &str = "auth";
    pub const AREAS: &str = "areas";
    pub const COMPOUNDS: &str = "compounds";
    pub const STATS: &str = "stats";
}
