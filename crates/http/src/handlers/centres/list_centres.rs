use actix_web::{get, web};
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{
    areas::{self, scope_patterns},
    registry::centres,
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    cursor,
    dto::registry::{CentrePage, CentreQuery, CentreView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Neighbourhood centres in your area, by name.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(CentreQuery), responses(
    (status = 200, description = "One page of centres (`next_cursor` continues)", body = CentrePage),
))]
#[get("/centres")]
pub async fn list_centres(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CentreQuery>,
) -> ApiResult<web::Json<CentrePage>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?;
    let mut conn = state.db.conn().await?;
    let within = match query.area_id {
        Some(id) => Some(
            areas::find_in_scope(&mut conn, id, &scope)
                .await?
                .path
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    let name = query
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let mut list = centres::list(
        &mut conn,
        &scope_patterns(&scope),
        within,
        name,
        after.as_ref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| cursor::encode(&(&c.name, c.id)));
    Ok(web::Json(CentrePage {
        items: list.into_iter().map(CentreView::from).collect(),
        next_cursor,
    }))
}
