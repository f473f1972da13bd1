use crate::handlers::prelude::*;
use linli_app::volunteering::request_report as request;

use crate::{
    dto::volunteering::{ReportInput, ReportView},
    extract::ValidJson,
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
    let r = in_transaction(
        &state.db,
        with_tx!(|tx| request(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Created().json(ReportView::from(r)))
}
