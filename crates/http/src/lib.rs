//! Linli's HTTP layer: actix-web handlers, DTOs, auth extractors, problem+json errors
//! and the OpenAPI document.
//!
//! Routes are registered only through `utoipa-actix-web`, so every route the server
//! answers is in the contract (`openapi/openapi.json`) and the contract cannot drift.

pub mod access_log;
pub mod app;
pub mod auth;
pub mod browser_policy;
pub mod client_addr;
pub mod csv_file;
pub mod cursor;
pub mod dto;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod idempotency;
pub mod metrics;
pub mod nul;
pub mod open311;
pub mod openapi;
pub mod qr;
pub mod rate_limit;
pub mod request_id;
pub mod state;
pub mod upload;

pub use app::{build_app, openapi_document};
pub use error::ApiError;
pub use state::{AppState, AuthSettings, HttpSettings};
