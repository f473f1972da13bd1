use actix_web::{get, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::volunteering::{self, CheckInFilter};

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{CheckInList, CheckInQuery, CheckInView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Check-ins: the live monitor (`open=true`), the verification queue
/// (`verification=pending&open=false`), flagged ones, or the caller's own (`mine=true`).
/// Staff see their area; team leaders their teams' activities; volunteers their own.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(CheckInQuery), responses(
    (status = 200, description = "The check-ins", body = CheckInList),
))]
#[get("/check-ins")]
pub async fn list_check_ins(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CheckInQuery>,
) -> ApiResult<web::Json<CheckInList>> {
    let patterns = patterns_for(&caller, Action::ReadVolunteering);
    let mut conn = state.db.conn().await?;
    let me = viewer(&mut conn, &caller).await?;
    if patterns.is_empty() && me.is_none() {
        return Err(DomainError::Forbidden.into());
    }
    let teams = match me {
        Some(p) => Some(volunteering::teams_led(&mut conn, p).await?),
        None => None,
    };
    let mine = query.mine.unwrap_or(false);
    let filter = CheckInFilter {
        person_id: if mine { me } else { query.person_id },
        activity_id: query.activity_id,
        centre_id: query.centre_id,
        open: query.open,
        verification: query.verification.clone(),
        flagged: query.flagged,
        teams,
    };
    let limit = query.limit.unwrap_or(200).clamp(1, 1000);
    let items = volunteering::check_ins(&mut conn, &patterns, me, &filter, limit).await?;
    Ok(web::Json(CheckInList {
        items: items.into_iter().map(CheckInView::from).collect(),
    }))
}
