use actix_web::{HttpResponse, post, web};
use linli_domain::{
    DomainError,
    policy::{Action, may_grant},
};
use linli_persistence::{areas, user_admin};
use uuid::Uuid;

use super::{ensure_manageable, user_response, visible_user};
use crate::{
    auth::AuthUser,
    dto::user::{GrantInput, UserView},
    error::{ApiResult, Problem},
    extract::{IfMatch, ValidJson},
    handlers::tags,
    state::AppState,
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
    let scope = user.scope(Action::ManageUsers)?;
    let mut conn = state.db.conn().await?;
    let current = visible_user(&mut conn, &user, id.into_inner(), Action::ManageUsers).await?;
    ensure_manageable(&user, &current)?;
    let area = areas::find_in_scope(&mut conn, body.area_id, &scope)
        .await
        .map_err(|e| linli_app::not_found_as_field(e, "area_id", "区域不存在 / no such area"))?;
    if !may_grant(&user.principal, body.role, &area.path) {
        return Err(
            DomainError::field("role", "您不能授予该角色 / you may not grant this role").into(),
        );
    }
    let updated = user_admin::add_grant(
        &mut conn,
        &user.audit,
        &current,
        body.role,
        &area,
        if_match.0,
    )
    .await?;
    Ok(user_response(&mut HttpResponse::Ok(), updated))
}
