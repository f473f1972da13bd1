use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::ActivityView;

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
    let id = id.into_inner();
    let seen = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::get_activity(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(ActivityView::from(seen)))
}
