use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_domain::area::NewArea;

use crate::{
    dto::area::{AreaView, CreateAreaRequest},
    extract::{ValidJson, etag},
};

/// Create an area node under a parent in your scope.
///
/// The kind must be the one below the parent's (district > subdistrict > community >
/// compound > building). Compounds are better created through `POST /compounds`, which
/// records their register entry too.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = [])), request_body = CreateAreaRequest, responses(
    (status = 201, description = "Created: the area; `Location` is its address; `ETag` carries its version", body = AreaView, headers(("ETag" = String), ("Location" = String))),
    (status = 403, description = "Your role may not manage areas", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, unknown parent or wrong kind", body = Problem, content_type = "application/problem+json"),
))]
#[post("/areas")]
pub async fn create_area(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CreateAreaRequest>,
) -> ApiResult<HttpResponse> {
    let new = NewArea {
        parent_id: body.parent_id.map(Into::into),
        kind: body.kind,
        name: body.name,
        code: body.code,
    };
    let area = in_transaction(
        &state.db,
        with_tx!(|tx| linli_app::areas::create_area(tx, &caller, new).await),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(area.version)))
        .insert_header((header::LOCATION, format!("/api/v1/areas/{}", area.id)))
        .json(AreaView::new(area, false)))
}
