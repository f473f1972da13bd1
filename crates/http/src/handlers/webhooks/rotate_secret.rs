use crate::handlers::prelude::*;
use linli_app::webhooks::rotate_secret as rotate;

use crate::dto::webhook::RotatedSecret;

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
    let (id, now) = (id.into_inner(), state.clock().now());
    let rotated =
        in_transaction(&state.db, with_tx!(|tx| rotate(tx, &caller, id, now).await)).await?;
    Ok(web::Json(RotatedSecret {
        secret: rotated.secret,
        previous_secret_valid_until: rotated.previous_valid_until,
    }))
}
