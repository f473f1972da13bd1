use actix_web::{HttpResponse, http::header, put, web};
use linli_persistence::webhooks;
use uuid::Uuid;

use super::{checked_fields, visible};
use crate::{
    auth::Caller,
    dto::webhook::{SubscriptionInput, SubscriptionView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let mut conn = state.db.conn().await?;
    let current = visible(&mut conn, &caller, id.into_inner()).await?;
    let (fields, area) = checked_fields(&state, &mut conn, &caller, body).await?;
    let updated = webhooks::update(
        &mut conn,
        &caller.audit,
        &current,
        &fields,
        &area.path,
        if_match.0,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(updated.version)))
        .json(SubscriptionView::from(updated)))
}
