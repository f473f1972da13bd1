use actix_web::{get, web};
use linli_persistence::complaints;

use super::visibility;
use crate::{
    auth::Caller,
    dto::complaint::StatusCountView,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// How many complaints you can see per status, and how many of them are overdue (inbox badges).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, body = Vec<StatusCountView>),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/complaints/counts")]
pub async fn complaint_counts(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<Vec<StatusCountView>>> {
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let counts = complaints::counts(&mut conn, &vis).await?;
    Ok(web::Json(
        counts
            .into_iter()
            .map(|c| StatusCountView {
                status: c.status,
                count: c.count,
                overdue: c.overdue,
            })
            .collect(),
    ))
}
