use actix_web::{HttpResponse, get, http::header, web};
use uuid::Uuid;

use super::readable_cycle;
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
    let mut conn = state.db.conn().await?;
    let (cycle, _) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
