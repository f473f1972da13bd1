use crate::handlers::prelude::*;
use linli_app::users::find_user;

use super::user_response;
use crate::{auth::AuthUser, dto::user::UserView};

/// One user (phone masked); `ETag` for `If-Match` on changes.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The user; `ETag` carries its version", body = UserView, headers(("ETag" = String))),
    (status = 404, description = "No such user in your area", body = Problem, content_type = "application/problem+json"),
))]
#[get("/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let record = in_transaction(&state.db, with_tx!(|tx| find_user(tx, &user, id).await)).await?;
    Ok(user_response(&mut HttpResponse::Ok(), record))
}
