use crate::handlers::prelude::*;
use actix_web::HttpRequest;
use linli_app::sessions::{SignIn, sign_in};

use super::{refresh_expiry, token_pair};
use crate::{
    auth::principal::client_ip,
    dto::auth::{LoginRequest, TokenResponse},
    extract::ValidJson,
};

/// Sign in with username and password.
///
/// Unknown users and wrong passwords get the same answer, after the same work. After 5
/// failures for one account (or 20 from one client address) within 15 minutes, further
/// attempts get 429 with `Retry-After` until the oldest failure leaves the window.
#[utoipa::path(tag = tags::AUTH, request_body = LoginRequest, responses(
    (status = 200, description = "Signed in", body = TokenResponse),
    (status = 401, description = "Wrong username or password (`invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Username or password missing or too long", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "Too many failed attempts (`too_many_attempts`); see `Retry-After`", body = Problem, content_type = "application/problem+json",
        headers(("Retry-After" = u32, description = "Seconds to wait"))),
))]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    ValidJson(body): ValidJson<LoginRequest>,
) -> ApiResult<HttpResponse> {
    let attempt = SignIn {
        username: body.username,
        password: body.password,
        client_ip: client_ip(&req, &state.settings.trusted_proxies),
    };
    let now = state.clock().now();
    let expires_at = refresh_expiry(&state.settings.auth, now);
    let session = on_connection(
        &state.db,
        with_tx!(|conn| sign_in(conn, attempt, now, expires_at).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(token_pair(&state.settings.auth, session)?))
}
