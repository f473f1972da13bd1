use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::posts::create_post as create;
use linli_domain::registry::PostDraft;

use crate::{
    dto::registry::{PostInput, PostView},
    extract::{ValidJson, etag},
};

/// Appoint a person to a post. Two overlapping terms of a single-holder post (e.g. two
/// branch secretaries at once) are refused by the database, also when requests race.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PostInput, responses(
    (status = 201, description = "Created: the post; `ETag` carries its version", body = PostView, headers(("ETag" = String))),
    (status = 422, description = "Invalid term, overlapping holder, or person/organisation outside your scope", body = Problem, content_type = "application/problem+json"),
))]
#[post("/posts")]
pub async fn create_post(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<PostInput>,
) -> ApiResult<HttpResponse> {
    let draft = PostDraft::from(body);
    let post = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, draft).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(post.version)))
        .json(PostView::from(post)))
}
