use crate::handlers::prelude::*;
use linli_app::webhooks;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::{
        page::PageQuery,
        webhook::{DeliveryPage, DeliveryView},
    },
};

/// A subscription's deliveries, newest first, each with its attempt log (status,
/// latency, error).
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path), PageQuery), responses(
    (status = 200, description = "One page of deliveries (`next_cursor` continues)", body = DeliveryPage),
))]
#[get("/webhook-subscriptions/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<DeliveryPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<Uuid>(query.cursor.as_deref())?;
    let id = id.into_inner();
    let mut list = in_transaction(
        &state.db,
        with_tx!(|tx| webhooks::list_deliveries(tx, &caller, id, before, limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |d| cursor::encode(&d.id));
    Ok(web::Json(DeliveryPage {
        items: list.into_iter().map(DeliveryView::from).collect(),
        next_cursor,
    }))
}
