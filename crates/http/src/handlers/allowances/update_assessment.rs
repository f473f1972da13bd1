use actix_web::{HttpResponse, http::header, put, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use super::create_assessment::{checked, person_area};
use crate::{
    auth::Caller,
    dto::allowance::{AssessmentInput, AssessmentView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let patterns = scope_patterns(&caller.scope(Action::ManageAssessments)?);
    let draft = checked(body)?;
    let mut conn = state.db.conn().await?;
    let current = allowances::assessment(&mut conn, &patterns, id.into_inner()).await?;
    if draft.person_id != current.person_id {
        return Err(
            DomainError::field("person_id", "考评对象不能修改 / the person cannot change").into(),
        );
    }
    let area = person_area(&mut conn, &patterns, current.person_id).await?;
    allowances::update_assessment(
        &mut conn,
        &caller.audit,
        &area,
        &current,
        if_match.0,
        &draft,
    )
    .await?;
    let a = allowances::assessment(&mut conn, &patterns, current.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(a.version)))
        .json(AssessmentView::from(a)))
}
