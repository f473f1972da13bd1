use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, FieldErrors, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, AssessmentDraft},
    areas::scope_patterns,
};

use crate::{
    auth::Caller,
    dto::allowance::{AssessmentInput, AssessmentView},
    error::{ApiError, ApiResult},
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
    let patterns = scope_patterns(&caller.scope(Action::ManageAssessments)?);
    let draft = checked(body)?;
    let mut conn = state.db.conn().await?;
    let area = person_area(&mut conn, &patterns, draft.person_id).await?;
    let id = allowances::create_assessment(&mut conn, &caller.audit, &area, &draft).await?;
    let a = allowances::assessment(&mut conn, &patterns, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(a.version)))
        .json(AssessmentView::from(a)))
}

/// Checks an assessment's fields.
pub(super) fn checked(body: AssessmentInput) -> ApiResult<AssessmentDraft> {
    let mut errors = FieldErrors::new();
    if body.period_end < body.period_start {
        errors.insert(
            "period_end".into(),
            vec!["考评期间结束不能早于开始 / the period ends before it starts".into()],
        );
    }
    if !(0..=100).contains(&body.score) {
        errors.insert(
            "score".into(),
            vec!["得分须为 0 到 100 / score must be 0 to 100".into()],
        );
    }
    let assessor = body.assessor.trim().to_owned();
    if !(1..=100).contains(&assessor.chars().count()) {
        errors.insert(
            "assessor".into(),
            vec!["须填写考评人 / give the assessor".into()],
        );
    }
    let notes = body
        .notes
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if notes.as_ref().is_some_and(|n| n.chars().count() > 1000) {
        errors.insert(
            "notes".into(),
            vec!["备注不能超过 1000 个字 / at most 1000 characters".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    Ok(AssessmentDraft {
        person_id: body.person_id,
        period_start: body.period_start,
        period_end: body.period_end,
        score: body.score,
        result: body.result,
        assessor,
        notes,
    })
}

/// The area path the audit log files a person's record under: the caller's first scope
/// root that sees them. 422 when the person is not in the caller's area.
pub(super) async fn person_area(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    person_id: uuid::Uuid,
) -> ApiResult<String> {
    if !allowances::person_visible(conn, patterns, person_id).await? {
        return Err(DomainError::field(
            "person_id",
            "只能为您负责区域内的人员记录 / choose a person in your area",
        )
        .into());
    }
    Ok(linli_persistence::areas::first_root(patterns))
}
