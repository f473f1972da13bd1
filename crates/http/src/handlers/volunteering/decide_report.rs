use actix_web::{HttpResponse, post, web};
use linli_domain::{DomainError, area::AreaPath, policy::Action, volunteering::ReportAction};
use linli_persistence::volunteering;
use uuid::Uuid;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{ReportDecision, ReportView},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Decide on a report: the compound's party secretary (or community staff) `confirm`s or
/// `decline`s (with a reason); the member `withdraw`s a request or `end`s a confirmed report
/// (the secretary may end it too).
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = ReportDecision,
    params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The report", body = ReportView),
    (status = 409, description = "The report's status does not allow this decision (`wrong_state`, with the allowed ones)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/reports/{id}/decision")]
pub async fn decide_report(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<ReportDecision>,
) -> ApiResult<HttpResponse> {
    let reason = body
        .reason
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    if body.action == ReportAction::Decline && reason.is_none() {
        return Err(DomainError::field(
            "reason",
            "请说明不予确认的原因 / give a reason to decline",
        )
        .into());
    }
    let patterns = patterns_for(&caller, Action::ReadVolunteering);
    let mut conn = state.db.conn().await?;
    let me = viewer(&mut conn, &caller).await?;
    let current = volunteering::report(&mut conn, &patterns, me, id.into_inner()).await?;
    let decider = caller
        .scope(Action::DecideReports)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(current.area_path.clone())));
    let own = me == Some(current.person_id);
    let allowed = match body.action {
        ReportAction::Confirm | ReportAction::Decline => decider,
        ReportAction::Withdraw => own,
        ReportAction::End => own || decider,
    };
    if !allowed {
        return Err(DomainError::Forbidden.into());
    }
    volunteering::decide_report(
        &mut conn,
        &caller.audit,
        &current,
        body.action,
        reason.as_deref(),
    )
    .await?;
    let r = volunteering::report(&mut conn, &patterns, me, current.id).await?;
    Ok(HttpResponse::Ok().json(ReportView::from(r)))
}
