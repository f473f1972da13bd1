use crate::handlers::prelude::*;
use linli_app::people::{FindPeople, list_people as list};
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{PersonPage, PersonQuery, PersonView},
};

/// People living or holding posts in your area, by name. Phones and ID numbers are masked.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(PersonQuery), responses(
    (status = 200, description = "One page of people (`next_cursor` continues)", body = PersonPage),
))]
#[get("/people")]
pub async fn list_people(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<PersonQuery>,
) -> ApiResult<web::Json<PersonPage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, PersonId)>(query.cursor.as_deref())?;
    let find = FindPeople {
        name: query.name.clone(),
        home_compound_id: query.compound_id.map(Into::into),
        is_party_member: query.is_party_member,
    };
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &caller, find, after.as_ref(), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |p| cursor::encode(&(&p.name, p.id)));
    Ok(web::Json(PersonPage {
        items: list.into_iter().map(PersonView::from).collect(),
        next_cursor,
    }))
}
