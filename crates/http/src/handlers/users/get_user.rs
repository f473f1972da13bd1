use actix_web::{HttpResponse, get, web};
use linli_domain::policy::Action;
use uuid::Uuid;

use super::{user_response, visible_user};
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
    let mut conn = state.db.conn().await?;
    let record = visible_user(&mut conn, &user, id.into_inner(), Action::ManageUsers).await?;
    Ok(user_response(&mut HttpResponse::Ok(), record))
}
