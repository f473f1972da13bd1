use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::centres::update_centre as update;
use linli_domain::registry::CentreDraft;

use crate::{
    dto::registry::{CentreInput, CentreView},
    extract::{IfMatch, ValidJson, etag},
};

/// Change a centre (it stays in its community). Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = CentreInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The centre; `ETag` carries its version", body = CentreView, headers(("ETag" = String))),
))]
#[put("/centres/{id}")]
pub async fn update_centre(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CentreInput>,
) -> ApiResult<HttpResponse> {
    let (at, draft) = (
        (id.into_inner().into(), if_match.0),
        CentreDraft::from(body),
    );
    let centre = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(centre.version)))
        .json(CentreView::from(centre)))
}
