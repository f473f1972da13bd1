use crate::handlers::prelude::*;
use actix_web::HttpRequest;
use linli_app::sessions;

use super::{refresh_expiry, token_pair};
use crate::{
    auth::principal::request_context,
    dto::auth::{RefreshRequest, TokenResponse},
    extract::ValidJson,
};

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// Each refresh token works once. Presenting one that was already exchanged means it was
/// copied: every token of that sign-in is revoked and the user must sign in again.
#[utoipa::path(tag = tags::AUTH, request_body = RefreshRequest, responses(
    (status = 200, description = "New token pair", body = TokenResponse),
    (status = 401, description = "Unknown, expired, revoked or re-used token (`invalid_refresh_token`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let now = state.clock().now();
    let period = (now, refresh_expiry(&state.settings.auth, now));
    let origin = request_context(&req, &state, None, "");
    let session = on_connection(
        &state.db,
        with_tx!(|conn| sessions::refresh(conn, &body.refresh_token, period, origin).await),
    )
    .await?;
    Ok(HttpResponse::Ok().json(token_pair(&state.settings.auth, session)?))
}
