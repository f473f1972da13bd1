use actix_web::{HttpResponse, http::header, post, web};
use linli_app::{allowances, in_transaction};

use crate::{
    auth::Caller,
    dto::allowance::{AssessmentInput, AssessmentView},
    error::ApiResult,
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
};

/// Record an assessment (考评) of a person for a period: score 0–100 and result. A person
/// has one assessment for any day (overlaps are refused).
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = AssessmentInput, responses(
    (status = 201, description = "Created: the assessment; `ETag` carries its version", body = AssessmentView, headers(("ETag" = String))),
))]
#[post("/assessments")]
pub async fn create_assessment(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<AssessmentInput>,
) -> ApiResult<HttpResponse> {
    let record = body.into_command();
    let a = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::create_assessment(tx, &caller, record).await })
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(a.version)))
        .json(AssessmentView::from(a)))
}
