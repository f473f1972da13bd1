use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::webhooks::find_subscription;

use crate::{dto::webhook::SubscriptionView, extract::etag};

/// One subscription; `ETag` for `If-Match` on update.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The subscription; `ETag` carries its version", body = SubscriptionView, headers(("ETag" = String))),
))]
#[get("/webhook-subscriptions/{id}")]
pub async fn get_subscription(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let subscription = in_transaction(
        &state.db,
        with_tx!(|tx| find_subscription(tx, &caller, id).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(subscription.version)))
        .json(SubscriptionView::from(subscription)))
}
