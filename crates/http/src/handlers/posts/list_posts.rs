use crate::handlers::prelude::*;
use linli_app::posts::{FindPosts, list_posts as list};
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{PostPage, PostQuery, PostView},
};

/// Posts in organisations of your area, filtered by person, organisation or date held.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(PostQuery), responses(
    (status = 200, description = "One page of posts (`next_cursor` continues)", body = PostPage),
))]
#[get("/posts")]
pub async fn list_posts(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PostQuery>,
) -> ApiResult<web::Json<PostPage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<Uuid>(query.cursor.as_deref())?;
    let find = FindPosts {
        person_id: query.person_id.map(Into::into),
        organisation_id: query.organisation_id.map(Into::into),
        active_on: query.active_on,
    };
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &caller, find, after.map(Into::into), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |p| cursor::encode(&p.id));
    Ok(web::Json(PostPage {
        items: list.into_iter().map(PostView::from).collect(),
        next_cursor,
    }))
}
