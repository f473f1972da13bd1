use actix_web::{get, web};
use linli_app::{
    centres::{FindCentres, list_centres as list},
    on_connection,
};
use linli_domain::page::clamp_limit;
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
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(String, Uuid)>(query.cursor.as_deref())?;
    let find = FindCentres {
        area_id: query.area_id,
        name: query.name.clone(),
    };
    let mut list = on_connection(&state.db, move |tx| {
        Box::pin(async move { list(tx, &caller, find, after.as_ref(), limit + 1).await })
    })
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |c| cursor::encode(&(&c.name, c.id)));
    Ok(web::Json(CentrePage {
        items: list.into_iter().map(CentreView::from).collect(),
        next_cursor,
    }))
}
