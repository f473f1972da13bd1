use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances::{self, UpdateAssessment};

use crate::{
    dto::allowance::{AssessmentInput, AssessmentView},
    extract::{IfMatch, ValidJson, etag},
};

/// Correct an assessment. If a payment cycle already used it, the cycle is flagged
/// (`assessments_changed`) and the change is in the audit log with before and after.
/// Requires `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = AssessmentInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The assessment; `ETag` carries its version", body = AssessmentView, headers(("ETag" = String))),
))]
#[put("/assessments/{id}")]
pub async fn update_assessment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<AssessmentInput>,
) -> ApiResult<HttpResponse> {
    let command = UpdateAssessment {
        assessment_id: id.into_inner().into(),
        record: body.into_command(),
        expected_version: if_match.0,
    };
    let a = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::update_assessment(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(a.version)))
        .json(AssessmentView::from(a)))
}
