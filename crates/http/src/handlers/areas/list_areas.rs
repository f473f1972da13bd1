use actix_web::{get, web};
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::areas::{self, AreaFilter};
use uuid::Uuid;

use super::views;
use crate::{
    auth::Caller,
    cursor,
    dto::area::{AreaPage, AreaQuery},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// List area nodes: the roots of your scope, the children of a node, or every node of a kind.
///
/// Ordered by name, then id; pages are keyset-paginated with an opaque cursor.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = []), ("api_key" = [])), params(AreaQuery), responses(
    (status = 200, description = "One page of areas (`next_cursor` continues)", body = AreaPage),
    (status = 400, description = "Bad query parameter or cursor", body = Problem, content_type = "application/problem+json"),
    (status = 403, description = "Your role may not browse areas", body = Problem, content_type = "application/problem+json"),
))]
#[get("/areas")]
pub async fn list_areas(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<AreaQuery>,
) -> ApiResult<web::Json<AreaPage>> {
    let scope = caller.scope(Action::ReadAreas)?;
    let query = query.into_inner();
    let limit = clamp_limit(query.limit);
    let filter = AreaFilter {
        parent_id: query.parent_id,
        kind: query.kind,
        after: cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?,
        limit: limit + 1,
    };
    let mut conn = state.db.conn().await?;
    let mut list = areas::list(&mut conn, &scope, &filter).await?;
    let next_cursor = cursor::next_page(&mut list, limit, |a| cursor::encode(&(&a.name, a.id)));
    Ok(web::Json(AreaPage {
        items: views(&mut conn, list).await?,
        next_cursor,
    }))
}
