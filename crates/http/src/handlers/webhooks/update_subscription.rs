use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::webhooks::update_subscription as update;

use crate::{
    dto::webhook::{SubscriptionInput, SubscriptionView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a subscription (URL, types, area, active). Re-activating one that a `410 Gone`
/// disabled clears the reason; past cancelled deliveries stay cancelled.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), request_body = SubscriptionInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The subscription; `ETag` carries its version", body = SubscriptionView, headers(("ETag" = String))),
))]
#[put("/webhook-subscriptions/{id}")]
pub async fn update_subscription(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<SubscriptionInput>,
) -> ApiResult<HttpResponse> {
    let at = (id.into_inner(), if_match.0);
    let settings = body.into_settings();
    let hosts = state.settings.webhook_allow_hosts.clone();
    let updated = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, &hosts, settings).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .json(SubscriptionView::from(updated)))
}
