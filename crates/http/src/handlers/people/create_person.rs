use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::policy::Action;
use linli_persistence::{areas::scope_patterns, registry::people};

use super::checked;
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
    let scope = caller.scope(Action::ManageRegistry)?;
    let mut conn = state.db.conn().await?;
    let (draft, area_path) = checked(&mut conn, &scope, body).await?;
    let id = people::create(&mut conn, &caller.audit, &draft, area_path).await?;
    let person = people::find_visible(&mut conn, &scope_patterns(&scope), id).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(person.version)))
        .insert_header((header::LOCATION, format!("/api/v1/people/{id}")))
        .json(PersonView::from(person)))
}
