use crate::handlers::prelude::*;
use linli_app::users::change_password as change;

use crate::{auth::AuthUser, dto::me::ChangePasswordRequest, extract::ValidJson};

/// Change your password. Every session and access token you hold ends; sign in again.
#[utoipa::path(tag = tags::AUTH, security(("bearer" = [])), request_body = ChangePasswordRequest, responses(
    (status = 204, description = "Changed; sign in again"),
    (status = 403, description = "API keys have no password", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Current password wrong or new one unacceptable", body = Problem, content_type = "application/problem+json"),
))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let (current, new) = (body.current_password, body.new_password);
    in_transaction(
        &state.db,
        with_tx!(|tx| change(tx, &user, current, new).await),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
