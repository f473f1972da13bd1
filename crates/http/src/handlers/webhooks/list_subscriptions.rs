use crate::handlers::prelude::*;
use linli_app::webhooks;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::{
        page::PageQuery,
        webhook::{SubscriptionPage, SubscriptionView},
    },
};

/// Webhook subscriptions in your area, newest first.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), params(PageQuery), responses(
    (status = 200, description = "One page of subscriptions (`next_cursor` continues)", body = SubscriptionPage),
    (status = 403, description = "Needs a district admin or a key with `webhooks:manage`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/webhook-subscriptions")]
pub async fn list_subscriptions(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<SubscriptionPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<Uuid>(query.cursor.as_deref())?;
    let mut list = in_transaction(
        &state.db,
        with_tx!(|tx| webhooks::list_subscriptions(tx, &caller, before, limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |s| cursor::encode(&s.id));
    Ok(web::Json(SubscriptionPage {
        items: list.into_iter().map(SubscriptionView::from).collect(),
        next_cursor,
    }))
}
