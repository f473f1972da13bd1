use actix_web::{HttpResponse, delete, web};
use linli_domain::policy::Action;
use linli_persistence::api_keys;
use uuid::Uuid;

use crate::{
    auth::AuthUser,
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

/// Revoke an API key: the next request with it fails. The record stays for the audit trail.
#[utoipa::path(tag = tags::API_KEYS, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 204, description = "Revoked (or already revoked)"),
))]
#[delete("/api-keys/{id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = user.scope(Action::ManageApiKeys)?;
    let mut conn = state.db.conn().await?;
    let key = api_keys::find(&mut conn, id.into_inner())
        .await?
        .filter(|k| scope.covers(&k.area_path))
        .ok_or_else(|| ApiError::not_found("api key"))?;
    api_keys::revoke(&mut conn, &user.audit, &key).await?;
    Ok(HttpResponse::NoContent().finish())
}
