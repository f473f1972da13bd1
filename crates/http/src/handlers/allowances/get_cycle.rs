use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{dto::allowance::CycleView, extract::etag};

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
    let cycle = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::find_cycle(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(cycle.version)))
        .json(CycleView::from(cycle)))
}
