//! Black-box tests of the Linli API: one binary, one database per test.

mod allowances;
mod api_keys;
mod areas;
mod audit;
mod auth;
mod complaint_stats;
mod complaints;
mod compounds;
mod contract;
mod contract_fuzz;
mod errors;
mod events;
mod health;
mod idempotency;
mod limits;
mod open311;
mod personal_data;
mod registry;
mod revenue;
mod scoping;
mod sessions;
mod special_audits;
mod throttling;
mod users;
mod volunteering;
mod webhooks;
