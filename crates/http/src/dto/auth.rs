//! Sign-in bodies.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Username and password.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "admin", min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(example = "Linli@2026", min_length = 1, max_length = 256, format = Password)]
    pub password: String,
}

/// A refresh token presented for rotation or sign-out.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RefreshRequest {
    #[schema(min_length = 1, max_length = 128)]
    pub refresh_token: String,
}

/// Tokens issued at sign-in and on every refresh.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// Short-lived HS256 JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Opaque, single-use; exchange it at `/api/v1/auth/refresh` for a new pair.
    pub refresh_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: u64,
}
