use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::people::update_person as update;
use linli_domain::registry::PersonDraft;

use crate::{
    dto::registry::{PersonInput, PersonView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a person. Send `phone` and `id_number` in full (reads return them masked:
/// unmask first, or leave them out to clear them). Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PersonInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The person; `ETag` carries its version", body = PersonView, headers(("ETag" = String))),
    (status = 403, description = "No grant of yours allows this, or the person is seen (a post of theirs is in your scope) but their home compound is not", body = Problem, content_type = "application/problem+json"),
))]
#[put("/people/{id}")]
pub async fn update_person(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<PersonInput>,
) -> ApiResult<HttpResponse> {
    let (at, draft) = (
        (id.into_inner().into(), if_match.0),
        PersonDraft::from(body),
    );
    let person = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(person.version)))
        .json(PersonView::from(person)))
}
