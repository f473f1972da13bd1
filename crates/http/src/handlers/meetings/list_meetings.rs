use actix_web::{get, web};
use chrono::NaiveDate;
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{
    areas::scope_patterns,
    registry::meetings::{self, MeetingFilter},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    cursor,
    dto::registry::{MeetingPage, MeetingQuery, MeetingSummary},
    error::ApiResult,
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::ReadRegistry)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(NaiveDate, Uuid)>(query.cursor.as_deref())?;
    let filter = MeetingFilter {
        compound_id: query.compound_id,
        status: query.status,
        from: query.from,
        to: query.to,
    };
    let mut conn = state.db.conn().await?;
    let mut list = meetings::list(
        &mut conn,
        &scope_patterns(&scope),
        &filter,
        after.as_ref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |m| cursor::encode(&(m.held_on, m.id)));
    Ok(web::Json(MeetingPage {
        items: list.into_iter().map(MeetingSummary::from).collect(),
        next_cursor,
    }))
}
