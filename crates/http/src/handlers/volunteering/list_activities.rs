use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::{ActivityList, ActivityQuery, ActivityView};

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
    let find = query.into_inner().into_find(state.clock().now());
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::list_activities(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(ActivityList {
        items: items.into_iter().map(ActivityView::from).collect(),
    }))
}
