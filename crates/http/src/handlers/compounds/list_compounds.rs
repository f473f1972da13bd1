use crate::handlers::prelude::*;
use linli_app::compounds::list_compounds as list;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::compound::{CompoundPage, CompoundQuery, CompoundView},
};

/// List compounds in your scope, filtered by area, governance mode and name.
///
/// Ordered by name, then id. Keyset pagination: pass `next_cursor` back as `cursor`;
/// rows inserted meanwhile never make an item repeat or vanish from later pages.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), params(CompoundQuery), responses(
    (status = 200, description = "One page of compounds (`next_cursor` continues)", body = CompoundPage),
    (status = 400, description = "Bad query parameter or cursor", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "`area_id` not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/compounds")]
pub async fn list_compounds(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CompoundQuery>,
) -> ApiResult<web::Json<CompoundPage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, CompoundId)>(query.cursor.as_deref())?;
    let find = query.to_find();
    let mut list = in_transaction(
        &state.db,
        with_tx!(|tx| list(tx, &caller, find, after.as_ref(), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| cursor::encode(&(&c.name, c.id)));
    Ok(web::Json(CompoundPage {
        items: list.into_iter().map(CompoundView::from).collect(),
        next_cursor,
    }))
}
