use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::complaints::{Via, file_complaint, filed_in_full};

use crate::{
    dto::complaint::{ComplaintDetail, NewComplaintRequest},
    extract::etag,
};

/// File a complaint: a resident about their own compound, staff on a caller's behalf
/// (walk-in or phone, with the caller's contact), or a system with an API key
/// (`complaints:write`; hotline imports carry `external_id`). The handler is chosen by the
/// category's rule and the compound's governance mode; the rule is kept on the complaint.
/// Send an `Idempotency-Key` so a retry from a phone on a flaky network files once.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = []), ("api_key" = [])), request_body = NewComplaintRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "Created: the complaint in full; `Location` is its address; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String), ("Location" = String))),
    (status = 409, description = "Same Idempotency-Key in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, a compound you may not file for, or an external id already imported", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints")]
pub async fn create_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    input: Idempotent<NewComplaintRequest>,
) -> ApiResult<HttpResponse> {
    let keyed = input.keyed(&caller);
    let command = input.body.into_command();
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let created = file_complaint(tx, &caller, Via::Api, command).await?;
            let full = filed_in_full(tx, &caller, created).await?;
            let location = format!("/api/v1/complaints/{}", full.complaint.id);
            let headers = vec![
                (header::ETAG, etag(full.complaint.version)),
                (header::LOCATION, location),
            ];
            Ok(reply(
                StatusCode::CREATED,
                &ComplaintDetail::from(full),
                headers,
            ))
        }),
    )
    .await
}
