use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::compounds::create_compound as create;
use linli_domain::compound::CompoundDraft;

use crate::{
    dto::compound::{CompoundInput, CompoundView},
    extract::etag,
};

/// Register a compound under a community in your scope.
///
/// Send an `Idempotency-Key` to make retries safe: a repeat with the same key and body
/// returns the first response (header `Idempotent-Replayed: true`) and creates nothing.
#[utoipa::path(tag = tags::COMPOUNDS, security(("bearer" = []), ("api_key" = [])), request_body = CompoundInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; retries with the same key and body replay the first response")),
    responses(
    (status = 201, description = "Created: the compound; `Location` is its address; `ETag` carries its version", body = CompoundView, headers(("ETag" = String), ("Location" = String))),
    (status = 400, description = "Malformed body or Idempotency-Key", body = Problem, content_type = "application/problem+json"),
    (status = 403, description = "Your role may not register compounds", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "A request with this Idempotency-Key is in flight (`idempotency_in_flight`)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, or the Idempotency-Key was used with another body (`idempotency_key_reused`); nothing stored", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds")]
pub async fn create_compound(
    state: web::Data<AppState>,
    caller: Caller,
    input: Idempotent<CompoundInput>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let (draft, today) = (CompoundDraft::from(input.body), state.clock().today());
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let compound = create(tx, &caller, draft, today).await?;
            let location = format!("/api/v1/compounds/{}", compound.id);
            let headers = vec![
                (header::ETAG, etag(compound.version)),
                (header::LOCATION, location),
            ];
            Ok(reply(
                StatusCode::CREATED,
                &CompoundView::from(compound),
                headers,
            ))
        }),
    )
    .await
}
