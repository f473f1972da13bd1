use crate::handlers::prelude::*;
use linli_app::users::update_user as update;
use linli_domain::user::UserProfile;

use super::user_response;
use crate::{
    auth::AuthUser,
    dto::user::{UpdateUserRequest, UserView},
    extract::{IfMatch, ValidJson},
};

/// Change a user's name, phone or active flag. Deactivating ends their sessions at once.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), request_body = UpdateUserRequest,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The user; `ETag` carries its version", body = UserView, headers(("ETag" = String))),
    (status = 403, description = "The user holds a role above what you may manage", body = Problem, content_type = "application/problem+json"),
))]
#[put("/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<UpdateUserRequest>,
) -> ApiResult<HttpResponse> {
    let profile = UserProfile {
        display_name: body.display_name,
        phone: body.phone,
        is_active: body.is_active,
    };
    let at = (id.into_inner(), if_match.0);
    let updated = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &user, at, profile).await),
    )
    .await?;
    Ok(user_response(&mut HttpResponse::Ok(), updated))
}
