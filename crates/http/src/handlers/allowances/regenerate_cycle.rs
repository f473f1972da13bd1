use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{dto::allowance::CycleView, extract::etag};

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
    let cycle = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::regenerate_cycle(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
