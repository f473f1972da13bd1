use crate::handlers::prelude::*;
use linli_app::sessions::sign_out;

use crate::{dto::auth::RefreshRequest, extract::ValidJson};

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
    on_connection(
        &state.db,
        with_tx!(|conn| sign_out(conn, &body.refresh_token).await),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
