use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::areas::update_area as update;
use linli_domain::area::AreaChanges;

use crate::{
    dto::area::{AreaView, UpdateAreaRequest},
    extract::{IfMatch, ValidJson, etag},
};

/// Rename an area node. Requires `If-Match` with the `ETag` you read.
#[utoipa::path(tag = tags::AREAS, security(("bearer" = [])), request_body = UpdateAreaRequest,
    params(("id" = Uuid, Path, description = "Area id"), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The area; `ETag` carries its version", body = AreaView, headers(("ETag" = String))),
    (status = 404, description = "No such area in your scope", body = Problem, content_type = "application/problem+json"),
    (status = 412, description = "Changed since you read it", body = Problem, content_type = "application/problem+json"),
    (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
))]
#[put("/areas/{id}")]
pub async fn update_area(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<UpdateAreaRequest>,
) -> ApiResult<HttpResponse> {
    let at = (id.into_inner().into(), if_match.0);
    let changes = AreaChanges {
        name: body.name,
        code: body.code,
    };
    let (area, has_children) = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, changes).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(area.version)))
        .json(AreaView::new(area, has_children)))
}
