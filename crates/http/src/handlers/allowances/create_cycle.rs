use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{DomainError, policy::Action, public_revenue::parse_month};
use linli_persistence::{allowances, areas::scope_patterns};

use super::require_over;
use crate::{
    auth::Caller,
    dto::allowance::{CycleInput, CycleView},
    error::{ApiResult, Problem},
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let patterns = scope_patterns(&caller.scope(Action::PreparePayments)?);
    let month = parse_month(&body.month).ok_or_else(|| {
        DomainError::field("month", "月份须写作 2026-10 / write the month as 2026-10")
    })?;
    if month > state.clock().today() {
        return Err(DomainError::field(
            "month",
            "不能为尚未开始的月份发放 / the month has not started",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let programme = allowances::programme(&mut conn, &patterns, body.programme_id).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    if !programme.active {
        return Err(DomainError::field(
            "programme_id",
            "该津贴项目已停用 / the programme is inactive",
        )
        .into());
    }
    let id = allowances::create_cycle(&mut conn, &caller.audit, &programme, month).await?;
    let cycle = allowances::cycle(&mut conn, &patterns, id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(cycle.version)))
        .insert_header((header::LOCATION, format!("/api/v1/payment-cycles/{id}")))
        .json(CycleView::from(cycle)))
}
