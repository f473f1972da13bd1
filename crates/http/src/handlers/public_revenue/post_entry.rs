use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::public_revenue;

use crate::dto::public_revenue::{EntryView, NewEntryRequest};

/// Post a journal entry (记账). Debits must equal credits, every account must belong to
/// the compound, and the month must be open. Posted entries never change: correct one by
/// reversing it. Send an `Idempotency-Key` so a retry posts once.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = NewEntryRequest,
    params(("id" = Uuid, Path, description = "Compound id"),
        ("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "Created: the entry; `Location` is its address", body = EntryView, headers(("Location" = String))),
    (status = 409, description = "The month is closed (`period_closed`), or the same Idempotency-Key is in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Unbalanced, an unknown or inactive account, invalid fields", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds/{id}/ledger/entries")]
pub async fn post_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<NewEntryRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let command = input.body.into_command(id.into_inner());
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let entry = public_revenue::post_entry(tx, &caller, command).await?;
            let location = format!("/api/v1/ledger-entries/{}", entry.entry.id);
            let view = EntryView::from(entry);
            Ok(reply(
                StatusCode::CREATED,
                &view,
                vec![(header::LOCATION, location)],
            ))
        }),
    )
    .await
}
