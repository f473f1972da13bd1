use actix_web::{get, web};
use linli_persistence::complaints;

use crate::{
    auth::Caller,
    dto::complaint::CategoryView,
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// The complaint catalogue (active categories), with deadlines and handler rules.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, body = Vec<CategoryView>),
    (status = 401, body = Problem, content_type = "application/problem+json"),
))]
#[get("/complaint-categories")]
pub async fn list_categories(
    state: web::Data<AppState>,
    _caller: Caller,
) -> ApiResult<web::Json<Vec<CategoryView>>> {
    let mut conn = state.db.conn().await?;
    let list = complaints::categories(&mut conn, true).await?;
    Ok(web::Json(
        list.into_iter().map(CategoryView::from).collect(),
    ))
}
