use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances::{self, TransitionCycle};

use crate::{
    dto::allowance::{CycleTransition, CycleView},
    extract::{IfMatch, ValidJson, etag},
};

/// Move a cycle: `submit` (draft → submitted, by a finance officer who prepares payments),
/// `return` (submitted → draft), `approve` (submitted → approved: a **different** finance
/// officer with `payments.approve` over the programme's area — 409 `four_eyes` for the
/// preparer — and within the programme-year's budget, 409 `budget_exceeded`), `close`
/// (reconciled → closed). Requires `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = CycleTransition,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)), responses(
    (status = 200, description = "The cycle; `ETag` carries its version", body = CycleView, headers(("ETag" = String))),
    (status = 409, description = "`transition_not_allowed` (with `allowed`), `four_eyes`, `budget_exceeded`, `cycle_empty`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/transitions")]
pub async fn transition_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CycleTransition>,
) -> ApiResult<HttpResponse> {
    let command = TransitionCycle {
        cycle_id: id.into_inner().into(),
        action: body.action,
        expected_version: if_match.0,
    };
    let cycle = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::transition_cycle(tx, &caller, command).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
