use actix_web::{HttpResponse, http::StatusCode, http::header, post, web};
use linli_domain::{
    DomainError, FieldErrors,
    policy::{Action, may_grant},
    user::{UserProfile, check_password, check_username},
};
use linli_persistence::{
    areas,
    user_admin::{self, NewUser},
};

use crate::{
    auth::{AuthUser, password},
    dto::user::{CreateUserRequest, UserView},
    error::{ApiError, ApiResult, Problem},
    extract::etag,
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
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
    let scope = user.scope(Action::ManageUsers)?;
    let keyed = input.keyed(&user);
    let body = input.body;
    let profile = UserProfile {
        display_name: body.display_name,
        phone: body.phone,
        is_active: true,
    };
    let mut errors = FieldErrors::new();
    for check in [
        check_username(&body.username),
        check_password(&body.username, &body.password),
        linli_domain::error::validate(&profile),
    ] {
        if let Err(DomainError::Validation(e)) = check {
            errors.extend(e);
        }
    }
    if body.grants.is_empty() {
        errors.insert(
            "grants".into(),
            vec!["至少需要一个角色授权 / at least one grant is required".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let password = body.password;
    let hash = web::block(move || password::hash(&password))
        .await
        .map_err(|e| ApiError::internal(&e))?
        .map_err(|e| ApiError::internal(&e))?;
    let principal = user.principal.clone();
    let audit = user.audit.clone();
    let (username, grants) = (body.username, body.grants);
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            let mut resolved = Vec::with_capacity(grants.len());
            for (i, g) in grants.iter().enumerate() {
                let area = areas::find_in_scope(tx, g.area_id, &scope)
                    .await
                    .map_err(|e| {
                        linli_app::not_found_as_field(
                            e,
                            &format!("grants[{i}].area_id"),
                            "区域不存在 / no such area",
                        )
                    })?;
                if !may_grant(&principal, g.role, &area.path) {
                    return Err(DomainError::field(
                        &format!("grants[{i}].role"),
                        "您不能授予该角色 / you may not grant this role",
                    )
                    .into());
                }
                resolved.push((g.role, area));
            }
            let new = NewUser {
                username,
                password_hash: hash,
                profile,
                grants: resolved,
            };
            let created = user_admin::create(tx, &audit, &new).await?;
            Ok(reply(
                StatusCode::CREATED,
                &UserView::from(created.clone()),
                vec![
                    (header::ETAG, etag(created.version)),
                    (
                        header::LOCATION,
                        format!("/api/v1/users/{}", created.user.id),
                    ),
                ],
            ))
        })
    })
    .await
}
