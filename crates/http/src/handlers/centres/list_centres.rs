use crate::handlers::prelude::*;
use linli_app::centres::{FindCentres, list_centres as list};
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{CentrePage, CentreQuery, CentreView},
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
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, CentreId)>(query.cursor.as_deref())?;
    let find = FindCentres {
        area_id: query.area_id.map(Into::into),
        name: query.name.clone(),
    };
    let mut list = on_connection(
        &state.db,
        with_tx!(|tx| list(tx, &caller, find, after.as_ref(), limit + 1).await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| cursor::encode(&(&c.name, c.id)));
    Ok(web::Json(CentrePage {
        items: list.into_iter().map(CentreView::from).collect(),
        next_cursor,
    }))
}
