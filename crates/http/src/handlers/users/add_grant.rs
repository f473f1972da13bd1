use crate::handlers::prelude::*;
use linli_app::users::{AddGrant, add_grant as add};

use super::user_response;
use crate::{
    auth::AuthUser,
    dto::user::{GrantInput, UserView},
    extract::{IfMatch, ValidJson},
};

/// Give a user a role over an area. Their older access tokens stop working at once.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), request_body = GrantInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The user's ETag")),
    responses(
    (status = 200, description = "The user; `ETag` carries its version", body = UserView, headers(("ETag" = String))),
    (status = 422, description = "Unknown area or a role you may not give", body = Problem, content_type = "application/problem+json"),
))]
#[post("/users/{id}/grants")]
pub async fn add_grant(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<GrantInput>,
) -> ApiResult<HttpResponse> {
    let command = AddGrant {
        user_id: id.into_inner(),
        role: body.role,
        area_id: body.area_id,
        version: if_match.0,
    };
    let updated = in_transaction(&state.db, with_tx!(|tx| add(tx, &user, command).await)).await?;
    Ok(user_response(&mut HttpResponse::Ok(), updated))
}
