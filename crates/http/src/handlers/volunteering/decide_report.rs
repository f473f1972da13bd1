use crate::handlers::prelude::*;
use linli_app::volunteering::decide_report as decide;

use crate::{
    dto::volunteering::{ReportDecision, ReportView},
    extract::ValidJson,
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
    let command = body.into_command(id.into_inner());
    let r = in_transaction(&state.db, with_tx!(|tx| decide(tx, &caller, command).await)).await?;
    Ok(HttpResponse::Ok().json(ReportView::from(r)))
}
