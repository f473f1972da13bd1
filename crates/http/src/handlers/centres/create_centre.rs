use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::centres::create_centre as create;
use linli_domain::registry::CentreDraft;

use crate::{
    dto::registry::{CentreInput, CentreView},
    extract::{ValidJson, etag},
};

/// Register a neighbourhood centre with its geofence and opening hours.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = CentreInput, responses(
    (status = 201, description = "Created: the centre; `Location` is its address; `ETag` carries its version", body = CentreView, headers(("ETag" = String), ("Location" = String))),
))]
#[post("/centres")]
pub async fn create_centre(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CentreInput>,
) -> ApiResult<HttpResponse> {
    let draft = CentreDraft::from(body);
    let centre = in_transaction(&state.db, with_tx!(|tx| create(tx, &caller, draft).await)).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(centre.version)))
        .insert_header((header::LOCATION, format!("/api/v1/centres/{}", centre.id)))
        .json(CentreView::from(centre)))
}
