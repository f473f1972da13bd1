use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::organisations::create_organisation as create;
use linli_domain::registry::OrganisationDraft;

use crate::{
    dto::registry::{OrganisationInput, OrganisationView},
    extract::{ValidJson, etag},
};

/// Register an organisation in your area, with the compounds it serves.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = OrganisationInput, responses(
    (status = 201, description = "Created: the organisation; `Location` is its address; `ETag` carries its version", body = OrganisationView, headers(("ETag" = String), ("Location" = String))),
    (status = 422, description = "Invalid fields, or an area or compound outside your scope; nothing stored", body = Problem, content_type = "application/problem+json"),
))]
#[post("/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<OrganisationInput>,
) -> ApiResult<HttpResponse> {
    let draft = OrganisationDraft::from(body);
    let org = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, draft).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(org.version)))
        .insert_header((
            header::LOCATION,
            format!("/api/v1/organisations/{}", org.id),
        ))
        .json(OrganisationView::from(org)))
}
