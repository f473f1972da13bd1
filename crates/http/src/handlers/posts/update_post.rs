use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::posts::update_post as update;
use linli_domain::registry::PostDraft;

use crate::{
    dto::registry::{PostInput, PostView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a post's title or term — e.g. end it when the holder steps down. The person and
/// organisation stay. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PostInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The post; `ETag` carries its version", body = PostView, headers(("ETag" = String))),
))]
#[put("/posts/{id}")]
pub async fn update_post(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<PostInput>,
) -> ApiResult<HttpResponse> {
    let (at, draft) = ((id.into_inner().into(), if_match.0), PostDraft::from(body));
    let post = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(post.version)))
        .json(PostView::from(post)))
}
