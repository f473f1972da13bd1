use crate::handlers::prelude::*;
use linli_app::users::me;

use crate::{
    auth::AuthUser,
    dto::me::{GrantView, MeResponse},
};

/// The signed-in user, their grants (role x area) and the actions those allow.
#[utoipa::path(tag = tags::AUTH, security(("bearer" = [])), responses(
    (status = 200, description = "The signed-in account: roles, areas and permissions", body = MeResponse),
    (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
))]
#[get("/me")]
pub async fn get_me(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<MeResponse>> {
    let permissions = user.principal.permissions();
    let (found, grants) = on_connection(&state.db, with_tx!(|tx| me(tx, &user).await)).await?;
    Ok(web::Json(MeResponse {
        id: found.id,
        username: found.username,
        display_name: found.display_name,
        grants: grants.into_iter().map(GrantView::from).collect(),
        permissions,
    }))
}
