//! API keys on the wire: the header that carries them and the one answer for bad ones. The
//! keys themselves are made and checked by `linli_app::api_keys`.

use crate::error::ApiError;

/// The request header carrying a key.
pub const HEADER: &str = "x-api-key";

/// The one answer for unknown, malformed and revoked keys.
pub fn invalid() -> ApiError {
    ApiError::unauthorized(
        "invalid_api_key",
        "API 密钥无效或已吊销 / the API key is not valid or was revoked",
    )
}
