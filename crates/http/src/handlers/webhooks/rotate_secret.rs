use actix_web::{post, web};
use linli_persistence::webhooks;
use uuid::Uuid;

use super::{new_secret, visible};
use crate::{
    auth::Caller, dto::webhook::RotatedSecret, error::ApiResult, handlers::tags, state::AppState,
};

/// How long the previous secret keeps signing after a rotation.
const OVERLAP_HOURS: i64 = 24;

/// Replace the signing secret. For 24 hours deliveries carry two signatures (new and
/// previous secret), so the receiver can switch without dropping any.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The rotated secret", body = RotatedSecret),
))]
#[post("/webhook-subscriptions/{id}/rotate-secret")]
pub async fn rotate_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<RotatedSecret>> {
    let mut conn = state.db.conn().await?;
    let current = visible(&mut conn, &caller, id.into_inner()).await?;
    let secret = new_secret();
    let until = state.clock().now() + chrono::Duration::hours(OVERLAP_HOURS);
    webhooks::rotate_secret(&mut conn, &caller.audit, &current, &secret, until).await?;
    Ok(web::Json(RotatedSecret {
        secret,
        previous_secret_valid_until: until,
    }))
}
