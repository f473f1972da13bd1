use crate::handlers::prelude::*;
use linli_app::api_keys::revoke_api_key as revoke;

use crate::auth::AuthUser;

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
    let id = id.into_inner();
    in_transaction(&state.db, with_tx!(|tx| revoke(tx, &user, id).await)).await?;
    Ok(HttpResponse::NoContent().finish())
}
