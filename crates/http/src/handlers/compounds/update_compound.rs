use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::compounds::update_compound as update;
use linli_domain::compound::CompoundDraft;

use crate::{
    dto::compound::{CompoundInput, CompoundView},
    extract::{IfMatch, ValidJson, etag},
};

/// Replace a compound's register entry. Requires `If-Match` with the `ETag` you read:
/// of two racing updates one wins and the other gets 412.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = [])), request_body = CompoundInput,
    params(("id" = Uuid, Path, description = "Compound id"), ("If-Match" = String, Header, description = "ETag from the last read")),
    responses(
    (status = 200, description = "The compound; `ETag` carries its version", body = CompoundView, headers(("ETag" = String))),
    (status = 403, description = "Your role may not change compounds", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such compound in your scope", body = Problem, content_type = "application/problem+json"),
    (status = 412, description = "Changed since you read it", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields; nothing stored", body = Problem, content_type = "application/problem+json"),
    (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
))]
#[put("/compounds/{id}")]
pub async fn update_compound(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<CompoundInput>,
) -> ApiResult<HttpResponse> {
    let at = (id.into_inner().into(), if_match.0);
    let (draft, today) = (CompoundDraft::from(body), state.clock().today());
    let compound = in_transaction(
        &state.db,
        with_tx!(|tx| update(tx, &caller, at, draft, today).await),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(compound.version)))
        .json(CompoundView::from(compound)))
}
