use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use super::{readable_cycle, require_over};
use crate::{
    auth::Caller,
    dto::allowance::CycleView,
    error::{ApiResult, Problem},
    extract::etag,
    handlers::tags,
    state::AppState,
};

/// Generate a draft cycle again from today's posts, assessments, payments and bank details
/// (e.g. after an assessment was corrected). Holds on lines still included are kept.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The cycle; `ETag` carries its version", body = CycleView, headers(("ETag" = String))),
    (status = 409, description = "Not a draft", body = Problem, content_type = "application/problem+json"),
))]
#[post("/payment-cycles/{id}/generate")]
pub async fn regenerate_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (cycle, programme) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    require_over(&caller, Action::PreparePayments, &programme)?;
    allowances::regenerate(&mut conn, &caller.audit, &programme, cycle.id).await?;
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let cycle = allowances::cycle(&mut conn, &patterns, cycle.id).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
