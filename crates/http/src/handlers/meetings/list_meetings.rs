use crate::handlers::prelude::*;
use linli_app::meetings;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{MeetingPage, MeetingQuery, MeetingSummary},
};

/// Joint meetings in your area, newest first.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(MeetingQuery), responses(
    (status = 200, description = "One page of meetings (`next_cursor` continues)", body = MeetingPage),
))]
#[get("/joint-meetings")]
pub async fn list_meetings(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<MeetingQuery>,
) -> ApiResult<web::Json<MeetingPage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<meetings::MeetingsAfter>(query.cursor.as_deref())?;
    let filter = query.to_filter();
    let mut list = in_transaction(
        &state.db,
        with_tx!(
            |tx| meetings::list_meetings(tx, &caller, filter, after.as_ref(), limit + 1).await
        ),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |m| cursor::encode(&(m.held_on, m.id)));
    Ok(web::Json(MeetingPage {
        items: list.into_iter().map(MeetingSummary::from).collect(),
        next_cursor,
    }))
}
