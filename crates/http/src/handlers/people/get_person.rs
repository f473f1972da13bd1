use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::people::find_person;

use crate::{dto::registry::PersonView, extract::etag};

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
    let id = id.into_inner();
    let person = on_connection(
        &state.db,
        with_tx!(|tx| find_person(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(person.version)))
        .json(PersonView::from(person)))
}
