use crate::handlers::prelude::*;
use linli_app::api_keys;
use linli_domain::page::clamp_limit;

use crate::{
    auth::AuthUser,
    cursor,
    dto::{
        api_key::{ApiKeyPage, ApiKeyView},
        page::PageQuery,
    },
};

/// API keys issued in your area, newest first (secrets are never shown again).
#[utoipa::path(tag = tags::API_KEYS, security(("bearer" = [])),
    params(PageQuery),
    responses(
    (status = 200, description = "One page of API keys (`next_cursor` continues)", body = ApiKeyPage),
))]
#[get("/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<PageQuery>,
) -> ApiResult<web::Json<ApiKeyPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<Uuid>(query.cursor.as_deref())?;
    let mut list = in_transaction(
        &state.db,
        with_tx!(|tx| api_keys::list_api_keys(tx, &user, before, limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |k| cursor::encode(&k.id));
    Ok(web::Json(ApiKeyPage {
        items: list.into_iter().map(ApiKeyView::from).collect(),
        next_cursor,
    }))
}
