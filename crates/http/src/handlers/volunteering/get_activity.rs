use actix_web::{get, web};
use linli_app::{in_transaction, volunteering};
use uuid::Uuid;

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
    let id = id.into_inner();
    let seen = in_transaction(&state.db, |tx| {
        Box::pin(async move { volunteering::get_activity(tx, &caller, id).await })
    })
    .await?;
    Ok(web::Json(ActivityView::from(seen)))
}
