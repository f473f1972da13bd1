use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, user::check_password};
use linli_persistence::{user_admin, users};

use crate::{
    auth::{
        AuthUser,
        password::{self, Verdict},
    },
    dto::me::ChangePasswordRequest,
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Change your password. Every session and access token you hold ends; sign in again.
#[utoipa::path(tag = tags::AUTH, security(("bearer" = [])), request_body = ChangePasswordRequest, responses(
    (status = 204, description = "Changed; sign in again"),
    (status = 403, description = "API keys have no password", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Current password wrong or new one unacceptable", body = Problem, content_type = "application/problem+json"),
))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: AuthUser,
    ValidJson(body): ValidJson<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    let user_id = user.user_id()?;
    let mut conn = state.db.conn().await?;
    let found = users::find(&mut conn, user_id)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))?;
    check_password(&found.username, &body.new_password).map_err(|e| match e {
        DomainError::Validation(mut errors) => {
            if let Some(messages) = errors.remove("password") {
                errors.insert("new_password".into(), messages);
            }
            ApiError::validation(errors)
        }
        other => other.into(),
    })?;
    let (_, stored) = users::find_credentials(&mut conn, &found.username)
        .await?
        .ok_or_else(|| ApiError::not_found("user"))?;
    let (current, new) = (body.current_password, body.new_password);
    let (verdict, hash) =
        web::block(move || (password::verify(&current, &stored), password::hash(&new)))
            .await
            .map_err(|e| ApiError::internal(&e))?;
    if verdict == Verdict::Rejected {
        return Err(DomainError::field(
            "current_password",
            "当前密码不正确 / the current password is wrong",
        )
        .into());
    }
    let hash = hash.map_err(|e| ApiError::internal(&e))?;
    user_admin::set_password(&mut conn, &user.audit, user_id, &hash).await?;
    Ok(HttpResponse::NoContent().finish())
}
