use actix_web::{HttpResponse, http::StatusCode, post, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};
use serde::Deserialize;
use uuid::Uuid;

use super::{readable_cycle, require_over};
use crate::{
    auth::Caller,
    dto::allowance::CycleView,
    error::{ApiError, ApiResult, Problem},
    handlers::tags,
    idempotency::{Idempotent, reply, respond},
    state::AppState,
};

/// No body is needed; `{}` is accepted.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct DisburseRequest {}

/// Disburse an approved cycle: one bank transfer per included line, with the bank details as
/// they are now; then download the bank file. Requires an `Idempotency-Key` (a retry replays
/// the answer). Runs once: concurrent requests queue on the cycle and find it disbursed
/// (409 `cycle_already_disbursed`); an unapproved cycle answers 409 `cycle_not_approved`; and
/// the database never holds two live transfers for one person, programme and month.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), request_body = DisburseRequest,
    params(("id" = Uuid, Path),
        ("Idempotency-Key" = String, Header, description = "Required: 8 to 128 of [A-Za-z0-9-_.:]")),
    responses(
    (status = 200, description = "The cycle", body = CycleView),
    (status = 400, description = "No Idempotency-Key", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "Not approved, already disbursed, or someone already paid for the month", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/disburse")]
pub async fn disburse_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<DisburseRequest>,
) -> ApiResult<HttpResponse> {
    input.require_key()?;
    let keyed = input.keyed(&caller);
    let mut conn = state.db.conn().await?;
    let (cycle, programme) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    drop(conn);
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let audit = caller.audit.clone();
    let cycle_id = cycle.id;
    respond(&state, keyed, move |tx| {
        Box::pin(async move {
            allowances::disburse(tx, &audit, &patterns, cycle_id).await?;
            let cycle = allowances::cycle(tx, &patterns, cycle_id)
                .await
                .map_err(ApiError::from)?;
            Ok(reply(StatusCode::OK, &CycleView::from(cycle), vec![]))
        })
    })
    .await
}
