use crate::handlers::prelude::*;
use linli_app::areas::list_areas as list_areas_in;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::area::{AreaPage, AreaQuery, AreaView},
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
    let query = query.into_inner();
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, AreaId)>(query.cursor.as_deref())?;
    let under = (query.parent_id.map(AreaId::from), query.kind);
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list_areas_in(tx, &caller, under, after, limit + 1).await),
    )
    .await?;
    let next_cursor =
        cursor::next_page(&mut list, limit, |(a, _)| cursor::encode(&(&a.name, a.id)));
    Ok(web::Json(AreaPage {
        items: list
            .into_iter()
            .map(|(a, children)| AreaView::new(a, children))
            .collect(),
        next_cursor,
    }))
}
