use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{
    dto::allowance::{CycleInput, CycleView},
    extract::{ValidJson, etag},
};

/// Open a payment cycle for a programme and month and generate it: every candidate (who held
/// the eligible post in the area during the last year) with a decision and its explanation —
/// included with the amount, or excluded because of no post in the month, a missing or
/// unqualified assessment, an earlier payment, or missing bank details — plus failed
/// transfers of earlier months carried into this cycle. One cycle per programme-month is open
/// until disbursed.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = CycleInput, responses(
    (status = 201, description = "Created: the cycle; `Location` is its address; `ETag` carries its version", body = CycleView, headers(("ETag" = String), ("Location" = String))),
    (status = 404, description = "No such programme, or it lies outside your scope", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid month, a month not started, an inactive programme or an open cycle for the month", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles")]
pub async fn create_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CycleInput>,
) -> ApiResult<HttpResponse> {
    let (command, today) = (body.into_command(), state.clock().today());
    let cycle = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::create_cycle(tx, &caller, today, command).await),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(cycle.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/payment-cycles/{}", cycle.id),
        ))
        .json(CycleView::from(cycle)))
}
