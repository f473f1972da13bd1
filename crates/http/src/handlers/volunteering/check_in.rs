use crate::handlers::prelude::*;
use linli_app::volunteering::check_in as record;

use super::qr;
use crate::dto::volunteering::{CheckInInput, CheckInView};

/// Check in at an activity or a centre from a phone: inside the place's geofence (the
/// phone's position and accuracy; the distance is computed here and given in the refusal,
/// 409 `outside_geofence`) or with the centre's current QR code (`qr_token`, valid for about a
/// minute: 409 `qr_invalid` otherwise). One open check-in per person (409
/// `already_checked_in`, also when two arrive at once). Send an `Idempotency-Key`: a phone
/// that lost the answer retries with the same key and gets the first answer back (also
/// after the QR code it used has expired) instead of a second check-in or a 409.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = CheckInInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "8 to 128 of [A-Za-z0-9-_.:]; a retry replays the first response")),
    responses(
    (status = 201, description = "Created: the check-in", body = CheckInView),
    (status = 409, description = "Not allowed now, or the same Idempotency-Key in flight", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Invalid fields, or an Idempotency-Key reused with another body", body = Problem, content_type = "application/problem+json"),
))]
#[post("/check-ins")]
pub async fn check_in(
    state: web::Data<AppState>,
    caller: Caller,
    input: Idempotent<CheckInInput>,
) -> ApiResult<actix_web::HttpResponse> {
    let keyed = input.keyed(&caller);
    let command = input.body.into_command(&qr(&state));
    let clock = state.clock();
    // Everything happens inside the keyed transaction, so a replay answers before the
    // place and the proof of presence are checked again.
    respond(
        &state,
        keyed,
        with_tx!(|tx| {
            let c = record(tx, &caller, clock.now(), command).await?;
            Ok(reply(StatusCode::CREATED, &CheckInView::from(c), vec![]))
        }),
    )
    .await
}
