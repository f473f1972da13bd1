use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{
    dto::allowance::{AssessmentInput, AssessmentView},
    extract::{ValidJson, etag},
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
    let a = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::create_assessment(tx, &caller, record).await),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(a.version)))
        .json(AssessmentView::from(a)))
}
