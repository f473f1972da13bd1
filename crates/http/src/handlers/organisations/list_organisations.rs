use actix_web::{get, web};
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{
    areas::{self, scope_patterns},
    registry::organisations::{self, OrgFilter},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    cursor,
    dto::registry::{OrganisationPage, OrganisationQuery, OrganisationView},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Organisations that sit in, serve, or hold contracts in your area, by name.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(OrganisationQuery), responses(
    (status = 200, description = "One page of organisations (`next_cursor` continues)", body = OrganisationPage),
    (status = 404, description = "`area_id` not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<OrganisationQuery>,
) -> ApiResult<web::Json<OrganisationPage>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?;
    let mut conn = state.db.conn().await?;
    let within = match query.area_id {
        Some(id) => Some(areas::find_in_scope(&mut conn, id, &scope).await?.path),
        None => None,
    };
    let filter = OrgFilter {
        kind: query.kind,
        within,
        name_contains: query
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        compound_id: query.compound_id,
    };
    let mut list = organisations::list(
        &mut conn,
        &scope_patterns(&scope),
        &filter,
        after.as_ref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |o| cursor::encode(&(&o.name, o.id)));
    Ok(web::Json(OrganisationPage {
        items: list.into_iter().map(OrganisationView::from).collect(),
        next_cursor,
    }))
}
