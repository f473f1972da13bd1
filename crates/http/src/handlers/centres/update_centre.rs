use actix_web::{HttpResponse, http::header, put, web};
use linli_app::{centres::update_centre as update, in_transaction};
use linli_domain::registry::CentreDraft;
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::registry::{CentreInput, CentreView},
    error::ApiResult,
    extract::{IfMatch, ValidJson, etag},
    handlers::tags,
    state::AppState,
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
    let (at, draft) = ((id.into_inner(), if_match.0), CentreDraft::from(body));
    let centre = in_transaction(&state.db, move |tx| {
        Box::pin(async move { update(tx, &caller, at, draft).await })
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(centre.version)))
        .json(CentreView::from(centre)))
}
