use actix_web::{HttpResponse, http::header, post, web};
use linli_app::{allowances, in_transaction};
use uuid::Uuid;

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
    let id = id.into_inner();
    let cycle = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::regenerate_cycle(tx, &caller, id).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
