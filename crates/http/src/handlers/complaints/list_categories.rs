use crate::handlers::prelude::*;
use linli_app::complaints;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::dto::complaint::CategoryView;

/// Which categories to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CategoryQuery {
    /// Also the inactive ones (needs `complaints.configure`, to switch them back on).
    pub all: Option<bool>,
}

/// The complaint catalogue with deadlines and handler rules: active categories, or all of
/// them for those who configure it.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), params(CategoryQuery), responses(
    (status = 200, description = "The categories", body = Vec<CategoryView>),
    (status = 403, description = "`all=true` without `complaints.configure`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/complaint-categories")]
pub async fn list_categories(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CategoryQuery>,
) -> ApiResult<web::Json<Vec<CategoryView>>> {
    let all = query.all.unwrap_or(false);
    let list = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::list_categories(tx, &caller, all).await),
    )
    .await?;
    Ok(web::Json(
        list.into_iter().map(CategoryView::from).collect(),
    ))
}
