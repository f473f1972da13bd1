//! Request and response bodies, with their OpenAPI schemas.

pub mod area;
pub mod auth;
pub mod compound;
pub mod enums;
pub mod me;
pub mod stats;
