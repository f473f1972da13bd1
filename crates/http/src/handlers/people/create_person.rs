use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::people::create_person as create;
use linli_domain::registry::PersonDraft;

use crate::{
    dto::registry::{PersonInput, PersonView},
    extract::{ValidJson, etag},
};

/// Register a person (a resident, committee member, party member …).
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = PersonInput, responses(
    (status = 201, description = "Created: the person; `Location` is its address; `ETag` carries its version", body = PersonView, headers(("ETag" = String), ("Location" = String))),
))]
#[post("/people")]
pub async fn create_person(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<PersonInput>,
) -> ApiResult<HttpResponse> {
    let draft = PersonDraft::from(body);
    let person = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, draft).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(person.version)))
        .insert_header((header::LOCATION, format!("/api/v1/people/{}", person.id)))
        .json(PersonView::from(person)))
}
