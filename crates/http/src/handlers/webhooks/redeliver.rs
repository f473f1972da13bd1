use actix_web::{HttpResponse, post, web};
use linli_persistence::webhooks;
use uuid::Uuid;

use super::visible;
use crate::{auth::Caller, error::ApiResult, handlers::tags, state::AppState};

/// Send a delivery again now (same `webhook-id`), e.g. after fixing the receiver.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])),
    params(("id" = Uuid, Path), ("delivery_id" = Uuid, Path)),
    responses(
    (status = 202, description = "Queued"),
))]
#[post("/webhook-subscriptions/{id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, delivery_id) = path.into_inner();
    let mut conn = state.db.conn().await?;
    let subscription = visible(&mut conn, &caller, id).await?;
    webhooks::redeliver(&mut conn, &caller.audit, &subscription, delivery_id).await?;
    Ok(HttpResponse::Accepted().finish())
}
