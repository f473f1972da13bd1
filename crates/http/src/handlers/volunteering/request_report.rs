use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, compounds, volunteering};

use super::participant;
use crate::{
    auth::Caller,
    dto::volunteering::{ReportInput, ReportView},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Ask to report to a compound (进小区报到) as an in-service party member. The compound's
/// party secretary confirms or declines; one active report at a time (409 `report_active`).
/// The employer on your record goes with it for the quarterly feedback report.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = ReportInput, responses(
    (status = 201, description = "Created: the report", body = ReportView),
    (status = 409, description = "You already have a report waiting or confirmed (`report_active`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/reports")]
pub async fn request_report(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<ReportInput>,
) -> ApiResult<HttpResponse> {
    let note = body
        .note
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(
            DomainError::field("note", "说明不能超过 500 个字 / at most 500 characters").into(),
        );
    }
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let compound = compounds::find(&mut conn, body.compound_id)
        .await?
        .ok_or_else(|| DomainError::field("compound_id", "没有这个小区 / no such compound"))?;
    let id = volunteering::request_report(
        &mut conn,
        &caller.audit,
        person,
        compound.id,
        compound.path.as_str(),
        note.as_deref(),
    )
    .await?;
    let scope = caller.scope(Action::Participate)?;
    let r = volunteering::report(&mut conn, &scope_patterns(&scope), Some(person), id).await?;
    Ok(HttpResponse::Created().json(ReportView::from(r)))
}
