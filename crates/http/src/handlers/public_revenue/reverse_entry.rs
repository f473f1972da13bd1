use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::public_revenue;

use crate::dto::public_revenue::{EntryView, ReverseRequest};

/// Reverse a posted entry (冲销): a new entry with every debit and credit swapped, dated
/// today (or `entry_date`) in an open month. An entry is reversed at most once.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = ReverseRequest,
    params(("id" = Uuid, Path, description = "The entry to reverse"),
        ("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "The reversing entry", body = EntryView, headers(("Location" = String))),
    (status = 409, description = "Already reversed, itself a reversal, or the month is closed", body = Problem, content_type = "application/problem+json"),
))]
#[post("/ledger-entries/{id}/reverse")]
pub async fn reverse_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    input: Idempotent<ReverseRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let command = input.body.into_command(id.into_inner());
    let today = state.clock().today();
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let entry = public_revenue::reverse_entry(tx, &caller, today, command).await?;
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
