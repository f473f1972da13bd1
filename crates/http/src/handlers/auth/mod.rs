//! Sign-in, token refresh and sign-out.

pub mod login;
pub mod logout;
pub mod refresh;

use chrono::Utc;
use linli_persistence::{AsyncPgConnection, tokens};
use uuid::Uuid;

use crate::{
    auth::{jwt, refresh as refresh_token},
    dto::auth::TokenResponse,
    error::ApiError,
    state::AuthSettings,
};

/// The refresh token's expiry, counted from `now` (the server's clock, which the stored
/// expiry is compared with; access tokens are JWTs checked against the system time).
fn refresh_expiry(settings: &AuthSettings, now: chrono::DateTime<Utc>) -> chrono::DateTime<Utc> {
    now + chrono::Duration::from_std(settings.refresh_ttl).unwrap_or(chrono::Duration::days(1))
}

/// Issues an access token and the first refresh token of a new family.
async fn start_session(
    conn: &mut AsyncPgConnection,
    settings: &AuthSettings,
    now: chrono::DateTime<Utc>,
    user_id: Uuid,
    token_version: i32,
) -> Result<TokenResponse, ApiError> {
    let (refresh, digest) = refresh_token::generate();
    tokens::issue(conn, user_id, &digest, refresh_expiry(settings, now)).await?;
    token_pair(settings, user_id, token_version, refresh)
}

fn token_pair(
    settings: &AuthSettings,
    user_id: Uuid,
    token_version: i32,
    refresh_token: String,
) -> Result<TokenResponse, ApiError> {
    let (access_token, expires_in) = jwt::issue(settings, user_id, token_version)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in,
    })
}
