use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::posts::find_post;

use crate::{dto::registry::PostView, extract::etag};

/// One post; `ETag` for `If-Match` on update.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The post; `ETag` carries its version", body = PostView, headers(("ETag" = String))),
))]
#[get("/posts/{id}")]
pub async fn get_post(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let post = on_connection(
        &state.db,
        with_tx!(|tx| find_post(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(post.version)))
        .json(PostView::from(post)))
}
