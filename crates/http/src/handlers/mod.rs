//! One file per endpoint: `handlers/<resource>/<action>.rs`.

pub mod action_items;
pub mod allowances;
pub mod api_keys;
pub mod areas;
pub mod audit_log;
pub mod auth;
pub mod centres;
pub mod complaints;
pub mod compounds;
pub mod contracts;
pub mod events;
pub mod health;
pub mod me;
pub mod meetings;
pub mod open311;
pub mod ops;
pub mod organisations;
pub mod people;
pub mod posts;
pub mod prelude;
pub mod public_revenue;
pub mod special_audits;
pub mod stats;
pub mod users;
pub mod volunteering;
pub mod webhooks;

/// OpenAPI tags, one per module.
pub mod tags {
    pub const HEALTH: &str = "health";
    pub const AUTH: &str = "auth";
    pub const AREAS: &str = "areas";
    pub const COMPOUNDS: &str = "compounds";
    pub const STATS: &str = "stats";
    pub const USERS: &str = "users";
    pub const API_KEYS: &str = "api-keys";
    pub const AUDIT_LOG: &str = "audit-log";
    pub const OPS: &str = "operations";
    pub const EVENTS: &str = "events";
    pub const REGISTRY: &str = "registry";
    pub const COMPLAINTS: &str = "complaints";
    pub const OPEN311: &str = "open311";
    pub const PUBLIC_REVENUE: &str = "public-revenue";
    pub const SPECIAL_AUDITS: &str = "special-audits";
    pub const ALLOWANCES: &str = "allowances";
    pub const VOLUNTEERING: &str = "volunteering";
}
