//! Request and response bodies, with their OpenAPI schemas.

pub mod allowance;
pub mod api_key;
pub mod area;
pub mod audit_log;
pub mod auth;
pub mod complaint;
pub mod compound;
pub mod me;
pub mod open311;
pub mod page;
pub mod public_revenue;
pub mod registry;
pub mod special_audit;
pub mod stats;
pub mod user;
pub mod volunteering;
pub mod webhook;
