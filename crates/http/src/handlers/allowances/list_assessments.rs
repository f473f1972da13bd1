use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::{AssessmentList, AssessmentQuery, AssessmentView};

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
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::list_assessments(tx, &caller, find, limit).await),
    )
    .await?;
    Ok(web::Json(AssessmentList {
        items: items.into_iter().map(AssessmentView::from).collect(),
    }))
}
