use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::users::create_user as create;

use crate::{
    auth::AuthUser,
    dto::user::{CreateUserRequest, UserView},
    extract::etag,
};

/// Create a user with at least one grant. You may grant only roles below your own, in
/// your area.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), request_body = CreateUserRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe")),
    responses(
    (status = 201, description = "Created: the user; `Location` is its address; `ETag` carries its version", body = UserView, headers(("ETag" = String), ("Location" = String))),
    (status = 403, description = "Your role may not manage users", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Idempotency-Key in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, taken username, or a grant you may not give", body = Problem, content_type = "application/problem+json"),
))]
#[post("/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    user: AuthUser,
    input: Idempotent<CreateUserRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&user);
    let command = input.body.into_command();
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let created = create(tx, &user, command).await?;
            let location = format!("/api/v1/users/{}", created.user.id);
            let headers = vec![
                (header::ETAG, etag(created.version)),
                (header::LOCATION, location),
            ];
            Ok(reply(
                StatusCode::CREATED,
                &UserView::from(created),
                headers,
            ))
        }),
    )
    .await
}
