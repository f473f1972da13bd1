use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::allowances;

use crate::{dto::allowance::ProgrammeView, extract::etag};

/// One programme; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The programme; `ETag` carries its version", body = ProgrammeView, headers(("ETag" = String))),
))]
#[get("/allowance-programmes/{id}")]
pub async fn get_programme(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let p = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::find_programme(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(p.version)))
        .json(ProgrammeView::from(p)))
}
