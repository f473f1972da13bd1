use actix_web::{get, web};
use chrono::Duration;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::volunteering;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{ActivityList, ActivityQuery, ActivityView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Service activities in your area overlapping a window (default the next 30 days),
/// soonest first, with places taken; a volunteer sees whether they signed up.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(ActivityQuery), responses(
    (status = 200, description = "The activities", body = ActivityList),
))]
#[get("/activities")]
pub async fn list_activities(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ActivityQuery>,
) -> ApiResult<web::Json<ActivityList>> {
    let mut patterns = patterns_for(&caller, Action::ReadVolunteering);
    patterns.extend(patterns_for(&caller, Action::Participate));
    if patterns.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let from = query.from.unwrap_or_else(|| state.clock().now());
    let to = query.to.unwrap_or(from + Duration::days(30));
    let mut conn = state.db.conn().await?;
    let mine = match viewer(&mut conn, &caller).await? {
        Some(p) => volunteering::signed_activities(&mut conn, p).await?,
        None => Vec::new(),
    };
    let items =
        volunteering::activities(&mut conn, &patterns, from, to, query.team_id, 500).await?;
    Ok(web::Json(ActivityList {
        items: items
            .into_iter()
            .map(|a| {
                let signed = mine.contains(&a.id);
                ActivityView::new(a, signed)
            })
            .collect(),
    }))
}
