use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::areas::find_area;

use crate::{dto::area::AreaView, extract::etag};

/// One area node; `ETag` carries its version for `If-Match` on update.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path, description = "Area id")), responses(
    (status = 200, description = "The area; `ETag` carries its version", body = AreaView, headers(("ETag" = String, description = "Version tag for If-Match"))),
    (status = 404, description = "No such area in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/areas/{id}")]
pub async fn get_area(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let (area, has_children) = on_connection(
        &state.db,
        with_tx!(|tx| find_area(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(area.version)))
        .json(AreaView::new(area, has_children)))
}
