use actix_web::{HttpResponse, http::header, post, web};
use linli_app::{in_transaction, people::create_person as create};
use linli_domain::registry::PersonDraft;

use crate::{
    auth::Caller,
    dto::registry::{PersonInput, PersonView},
    error::ApiResult,
    extract::{ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let person = in_transaction(&state.db, move |tx| {
        Box::pin(async move { create(tx, &caller, draft).await })
    })
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(person.version)))
        .insert_header((header::LOCATION, format!("/api/v1/people/{}", person.id)))
        .json(PersonView::from(person)))
}
