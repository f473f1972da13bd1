use crate::handlers::prelude::*;
use linli_app::webhooks;

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
    let ids = path.into_inner();
    in_transaction(
        &state.db,
        with_tx!(|tx| webhooks::redeliver(tx, &caller, ids).await),
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}
