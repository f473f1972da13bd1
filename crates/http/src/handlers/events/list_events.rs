use crate::handlers::prelude::*;
use linli_app::webhooks::list_events as feed;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::webhook::{EventEnvelope, EventPage, EventQuery},
};

/// Events in your area after a cursor, in commit order — for systems that cannot
/// receive webhooks. Poll with the returned `next_cursor`: no event is ever skipped or
/// repeated, even while others are being written.
#[utoipa::path(tag = tags::EVENTS, security(("bearer" = []), ("api_key" = [])), params(EventQuery), responses(
    (status = 200, description = "One page of events (`next_cursor` continues)", body = EventPage),
    (status = 400, description = "Bad cursor", body = Problem, content_type = "application/problem+json"),
))]
#[get("/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<EventQuery>,
) -> ApiResult<web::Json<EventPage>> {
    let after = cursor::decode_opt::<i64>(query.after.as_deref())?.unwrap_or(0);
    let types = query.types.as_deref().map(|t| {
        t.split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
    });
    let limit = clamp_limit(query.limit);
    let list = on_connection(
        &state.db,
        with_tx!(|tx| feed(tx, &caller, types, after, limit).await),
    )
    .await?;
    let last = list.last().and_then(|e| e.seq).unwrap_or(after);
    Ok(web::Json(EventPage {
        items: list.into_iter().map(EventEnvelope::from).collect(),
        next_cursor: cursor::encode(&last),
    }))
}
