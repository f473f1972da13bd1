use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::centres::find_centre;

use crate::{dto::registry::CentreView, extract::etag};

/// One centre; `ETag` for `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The centre; `ETag` carries its version", body = CentreView, headers(("ETag" = String))),
))]
#[get("/centres/{id}")]
pub async fn get_centre(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let centre = on_connection(
        &state.db,
        with_tx!(|tx| find_centre(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(centre.version)))
        .json(CentreView::from(centre)))
}
