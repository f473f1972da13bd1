use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::webhooks::create_subscription as create;

use crate::{
    dto::webhook::{CreatedSubscription, SubscriptionInput, SubscriptionView},
    extract::{ValidJson, etag},
};

/// Subscribe a URL to events in an area. The signing secret is in this response only.
///
/// Deliveries are `POST`s signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`), retried with
/// backoff for about three days; a `410 Gone` answer disables the subscription.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), request_body = SubscriptionInput, responses(
    (status = 201, description = "Created: the subscription (its signing secret is shown this once); `Location` is its address; `ETag` carries its version", body = CreatedSubscription, headers(("ETag" = String), ("Location" = String))),
    (status = 422, description = "Unknown event types, an internal or unreachable URL, or an area outside your scope", body = Problem, content_type = "application/problem+json"),
))]
#[post("/webhook-subscriptions")]
pub async fn create_subscription(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<SubscriptionInput>,
) -> ApiResult<HttpResponse> {
    let settings = body.into_settings();
    let hosts = state.settings.webhook_allow_hosts.clone();
    let made = in_transaction(
        &state.db,
        with_tx!(|tx| create(tx, &caller, &hosts, settings).await),
    )
    .await?;
    let (secret, created) = (made.secret, made.subscription);
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(created.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/webhook-subscriptions/{}", created.id),
        ))
        .json(CreatedSubscription {
            secret,
            subscription: SubscriptionView::from(created),
        }))
}
