//! Sign-in, token refresh and sign-out.

pub mod login;
pub mod logout;
pub mod refresh;

use chrono::Utc;
use linli_app::sessions::Session;
use uuid::Uuid;

use crate::{auth::jwt, dto::auth::TokenResponse, error::ApiError, state::AuthSettings};

/// The refresh token's expiry, counted from `now` (the server's clock, which the stored
/// expiry is compared with; access tokens are JWTs checked against the system time).
fn refresh_expiry(settings: &AuthSettings, now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    now + chrono::Duration::from_std(settings.refresh_ttl).unwrap_or(chrono::Duration::days(1))
}

/// The token pair of a session: a fresh access token and its refresh token.
fn token_pair(settings: &AuthSettings, session: Session) -> Result<TokenResponse, ApiError> {
    let user_id: Uuid = session.user_id;
    let (access_token, expires_in) = jwt::issue(settings, user_id, session.token_version)?;
    Ok(TokenResponse {
        access_token,
        refresh_token: session.refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in,
    })
}
