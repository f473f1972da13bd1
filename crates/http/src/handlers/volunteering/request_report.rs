use actix_web::{HttpResponse, post, web};
use linli_app::{in_transaction, volunteering::request_report as request};

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
    let command = body.into_command();
    let r = in_transaction(&state.db, |tx| {
        Box::pin(async move { request(tx, &caller, command).await })
    })
    .await?;
    Ok(HttpResponse::Created().json(ReportView::from(r)))
}
