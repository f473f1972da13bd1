use crate::handlers::prelude::*;
use linli_app::organisations::{FindOrganisations, list_organisations as list};
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{OrganisationPage, OrganisationQuery, OrganisationView},
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
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, OrganisationId)>(query.cursor.as_deref())?;
    let find = FindOrganisations {
        kind: query.kind,
        area_id: query.area_id.map(Into::into),
        name: query.name.clone(),
        compound_id: query.compound_id.map(Into::into),
    };
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &caller, find, after.as_ref(), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |o| cursor::encode(&(&o.name, o.id)));
    Ok(web::Json(OrganisationPage {
        items: list.into_iter().map(OrganisationView::from).collect(),
        next_cursor,
    }))
}
