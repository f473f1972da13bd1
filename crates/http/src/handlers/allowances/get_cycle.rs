use actix_web::{HttpResponse, get, http::header, web};
use linli_app::{allowances, in_transaction};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::allowance::CycleView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One payment cycle with totals and the actions its status allows; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The cycle; `ETag` carries its version", body = CycleView, headers(("ETag" = String))),
))]
#[get("/payment-cycles/{id}")]
pub async fn get_cycle(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let cycle = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::find_cycle(tx, &caller, id).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
