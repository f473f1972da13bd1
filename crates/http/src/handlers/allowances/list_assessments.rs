use actix_web::{get, web};
use linli_persistence::allowances::{self, AssessmentFilter};

use super::assessment_patterns;
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
    let patterns = assessment_patterns(&caller)?;
    let filter = AssessmentFilter {
        person_id: query.person_id,
        on: query.on,
        result: query.result.map(|r| r.as_str().to_owned()),
    };
    let limit = query.limit.unwrap_or(200).clamp(1, 1000);
    let mut conn = state.db.conn().await?;
    let items = allowances::assessments(&mut conn, &patterns, &filter, limit).await?;
    Ok(web::Json(AssessmentList {
        items: items.into_iter().map(AssessmentView::from).collect(),
    }))
}
