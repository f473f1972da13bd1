use actix_web::{HttpResponse, get, http::header, web};
use linli_app::{on_connection, organisations::find_organisation};
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
    let id = id.into_inner();
    let org = on_connection(&state.db, move |tx| {
        Box::pin(async move { find_organisation(tx, &caller, id).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(org.version)))
        .json(OrganisationView::from(org)))
}
