//! Access tokens: HS256 JWTs with `iss`, `aud`, `exp`, `iat`, `nbf` and `typ` checked.

use std::time::{SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, errors::ErrorKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{error::ApiError, state::AuthSettings};

/// The only `typ` an access token may carry; refresh tokens are opaque and never JWTs,
/// so one cannot stand in for the other.
pub const ACCESS_TYP: &str = "access";

/// Claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    /// The user id.
    pub sub: Uuid,
    pub iat: u64,
    pub nbf: u64,
    pub exp: u64,
    pub jti: Uuid,
    /// Token kind; must be [`ACCESS_TYP`].
    pub typ: String,
    /// The user's token version when issued; a bump revokes the token.
    pub ver: i32,
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Issues an access token; returns it with its lifetime in seconds.
pub fn issue(
    settings: &AuthSettings,
    user_id: Uuid,
    token_version: i32,
) -> Result<(String, u64), ApiError> {
    let now = now_secs();
    let ttl = settings.access_ttl.as_secs();
    let claims = AccessClaims {
        iss: settings.issuer.clone(),
        aud: settings.audience.clone(),
        sub: user_id,
        iat: now,
        nbf: now,
        exp: now + ttl,
        jti: Uuid::new_v4(),
        typ: ACCESS_TYP.to_owned(),
        ver: token_version,
    };
    let token = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(&settings.jwt_secret),
    )
    .map_err(|e| ApiError::internal(&e))?;
    Ok((token, ttl))
}

/// Checks an access token's signature, algorithm, issuer, audience, times and type.
pub fn verify(settings: &AuthSettings, token: &str) -> Result<AccessClaims, ApiError> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[&settings.issuer]);
    validation.set_audience(&[&settings.audience]);
    validation.set_required_spec_claims(&["exp", "iat", "nbf", "iss", "aud", "sub"]);
    validation.validate_nbf = true;
    validation.leeway = settings.leeway.as_secs();
    let data = jsonwebtoken::decode::<AccessClaims>(
        token,
        &DecodingKey::from_secret(&settings.jwt_secret),
        &validation,
    )
    .map_err(|e| match e.kind() {
        ErrorKind::ExpiredSignature => ApiError::unauthorized(
            "token_expired",
            "登录已过期，请刷新令牌或重新登录 / the access token has expired",
        ),
        _ => invalid_token(),
    })?;
    if data.claims.typ != ACCESS_TYP {
        return Err(invalid_token());
    }
    Ok(data.claims)
}

/// The one answer for every token we cannot trust.
pub fn invalid_token() -> ApiError {
    ApiError::unauthorized(
        "invalid_token",
        "访问令牌无效 / the access token is not valid",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn settings() -> AuthSettings {
        AuthSettings {
            jwt_secret: b"0123456789abcdef0123456789abcdef".to_vec(),
            issuer: "linli".into(),
            audience: "linli-api".into(),
            access_ttl: Duration::from_secs(900),
            refresh_ttl: Duration::from_secs(86_400),
            leeway: Duration::from_secs(30),
        }
    }

    #[test]
    fn issued_tokens_verify_and_others_do_not() {
        let s = settings();
        let (token, ttl) = issue(&s, Uuid::nil(), 3).unwrap_or_default();
        assert_eq!(ttl, 900);
        let claims = verify(&s, &token).ok();
        assert_eq!(claims.map(|c| c.ver), Some(3));
        let mut other = settings();
        other.jwt_secret = b"another-key-another-key-another-key".to_vec();
        assert_eq!(
            verify(&other, &token).err().map(|e| e.code()),
            Some("invalid_token")
        );
        let mut other = settings();
        other.audience = "elsewhere".into();
        assert_eq!(
            verify(&other, &token).err().map(|e| e.code()),
            Some("invalid_token")
        );
    }
}
