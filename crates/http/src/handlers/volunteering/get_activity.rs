use actix_web::{get, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::volunteering;
use uuid::Uuid;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller, dto::volunteering::ActivityView, error::ApiResult, handlers::tags,
    state::AppState,
};

/// One activity.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The activity", body = ActivityView),
))]
#[get("/activities/{id}")]
pub async fn get_activity(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ActivityView>> {
    let mut patterns = patterns_for(&caller, Action::ReadVolunteering);
    patterns.extend(patterns_for(&caller, Action::Participate));
    if patterns.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let mut conn = state.db.conn().await?;
    let a = volunteering::activity(&mut conn, &patterns, id.into_inner()).await?;
    let mine = match viewer(&mut conn, &caller).await? {
        Some(p) => volunteering::signed_activities(&mut conn, p)
            .await?
            .contains(&a.id),
        None => false,
    };
    Ok(web::Json(ActivityView::new(a, mine)))
}
