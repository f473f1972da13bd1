use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::people};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::registry::PersonView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One person (personal data masked); `ETag` for `If-Match` on update.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The person; `ETag` carries its version", body = PersonView, headers(("ETag" = String))),
))]
#[get("/people/{id}")]
pub async fn get_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let person = people::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(person.version)))
        .json(PersonView::from(person)))
}
