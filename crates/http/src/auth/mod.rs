//! Sign-in: access tokens, refresh tokens and the `AuthUser` extractor.

pub mod api_key;
pub mod jwt;
pub mod principal;

pub use principal::{AuthUser, Caller};
