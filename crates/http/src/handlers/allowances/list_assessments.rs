use actix_web::{get, web};
use linli_app::{allowances, in_transaction};

use crate::{
    auth::Caller,
    dto::allowance::{AssessmentList, AssessmentQuery, AssessmentView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Assessments (考评) of people in your area, newest period first.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(AssessmentQuery), responses(
    (status = 200, description = "The assessments", body = AssessmentList),
))]
#[get("/assessments")]
pub async fn list_assessments(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AssessmentQuery>,
) -> ApiResult<web::Json<AssessmentList>> {
    let (find, limit) = (query.to_find(), query.limit());
    let items = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::list_assessments(tx, &caller, find, limit).await })
    })
    .await?;
    Ok(web::Json(AssessmentList {
        items: items.into_iter().map(AssessmentView::from).collect(),
    }))
}
