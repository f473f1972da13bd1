use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::organisations::find_organisation;

use crate::{dto::registry::OrganisationView, extract::etag};

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
    let org = on_connection(
        &state.db,
        with_tx!(|tx| find_organisation(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(org.version)))
        .json(OrganisationView::from(org)))
}
