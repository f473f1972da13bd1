//! The Open311 GeoReport v2 façade, so existing civic clients and government systems can
//! file and follow complaints. Field names follow the specification exactly; errors use its
//! format (`[{"code": 400, "description": "…"}]`), not problem+json.

pub mod create_request;
pub mod discovery;
pub mod get_request;
pub mod get_token;
pub mod list_requests;
pub mod service_definition;
pub mod services;

pub(crate) use crate::open311::{answer, error, key_caller};
