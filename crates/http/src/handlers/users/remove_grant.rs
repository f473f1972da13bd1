use crate::handlers::prelude::*;
use linli_app::users::remove_grant as remove;

use super::user_response;
use crate::{auth::AuthUser, dto::user::UserView, extract::IfMatch};

/// Take a grant away. A user keeps at least one (deactivate them instead); their older
/// access tokens stop working at once.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])),
    params(("id" = Uuid, Path), ("grant_id" = Uuid, Path), ("If-Match" = String, Header, description = "The user's ETag")),
    responses(
    (status = 200, description = "The user; `ETag` carries its version", body = UserView, headers(("ETag" = String))),
    (status = 409, description = "It is the user's last grant", body = Problem, content_type = "application/problem+json"),
))]
#[delete("/users/{id}/grants/{grant_id}")]
pub async fn remove_grant(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let ids = path.into_inner();
    let updated = in_transaction(
        &state.db,
        with_tx!(|tx| remove(tx, &user, ids, if_match.0).await),
    )
    .await?;
    Ok(user_response(&mut HttpResponse::Ok(), updated))
}
