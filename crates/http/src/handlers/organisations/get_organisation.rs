use actix_web::{HttpResponse, get, http::header, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::organisations};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::registry::OrganisationView, error::ApiResult, extract::etag, handlers::tags,
    state::AppState,
};

/// One organisation; `ETag` for `If-Match` on update.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The organisation; `ETag` carries its version", body = OrganisationView, headers(("ETag" = String))),
))]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let mut conn = state.db.conn().await?;
    let org =
        organisations::find_visible(&mut conn, &scope_patterns(&scope), id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(org.version)))
        .json(OrganisationView::from(org)))
}
