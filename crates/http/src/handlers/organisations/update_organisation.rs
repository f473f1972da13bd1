use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::organisations::update_organisation as update;
use linli_domain::registry::OrganisationDraft;

use crate::{
    dto::registry::{OrganisationInput, OrganisationView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change an organisation (its kind stays). Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = OrganisationInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The organisation; `ETag` carries its version", body = OrganisationView, headers(("ETag" = String))),
    (status = 403, description = "No grant of yours allows this, or the organisation is seen (it serves a compound of yours) but its own area is not in your scope", body = Problem, content_type = "application/problem+json"),
))]
#[put("/organisations/{id}")]
pub async fn update_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<OrganisationInput>,
) -> ApiResult<HttpResponse> {
    let (at, draft) = (
        (id.into_inner().into(), if_match.0),
        OrganisationDraft::from(body),
    );
    let org = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(org.version)))
        .json(OrganisationView::from(org)))
}
