use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::compounds::find_compound;

use crate::{dto::compound::CompoundView, extract::etag};

/// One compound; `ETag` carries its version for `If-Match` on update.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The compound; `ETag` carries its version", body = CompoundView, headers(("ETag" = String, description = "Version tag for If-Match"))),
    (status = 404, description = "No such compound in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds/{id}")]
pub async fn get_compound(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let compound = in_transaction(
        &state.db,
        with_tx!(|tx| find_compound(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(compound.version)))
        .json(CompoundView::from(compound)))
}
