use actix_web::{HttpResponse, post, web};
use linli_persistence::tokens;

use crate::{
    auth::refresh as refresh_token,
    dto::auth::RefreshRequest,
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Sign out: revoke the presented refresh token and every token of the same sign-in.
///
/// Answers 204 whether or not the token was known, so it reveals nothing.
#[utoipa::path(tag = tags::AUTH, request_body = RefreshRequest, responses(
    (status = 204, description = "Signed out"),
    (status = 400, description = "Body is not JSON", body = Problem, content_type = "application/problem+json"),
))]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    ValidJson(body): ValidJson<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    tokens::revoke_family_of(&mut conn, &refresh_token::digest(&body.refresh_token)).await?;
    Ok(HttpResponse::NoContent().finish())
}
