use actix_web::{HttpResponse, get, web};
use linli_app::{in_transaction, users::find_user};
use uuid::Uuid;

use super::user_response;
use crate::{
    auth::AuthUser,
    dto::user::UserView,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

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
    let record = in_transaction(&state.db, |tx| {
        Box::pin(async move { find_user(tx, &user, id).await })
    })
    .await?;
    Ok(user_response(&mut HttpResponse::Ok(), record))
}
