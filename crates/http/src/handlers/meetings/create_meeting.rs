use crate::handlers::prelude::*;
use linli_app::meetings;

use super::in_full;
use crate::{
    dto::registry::{MeetingInput, MeetingView},
    extract::ValidJson,
};

/// Record a joint meeting (as a draft): who attended for which body, the agenda, the
/// resolutions and the action items with their owners and due dates.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = MeetingInput, responses(
    (status = 201, description = "Created: the meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
))]
#[post("/joint-meetings")]
pub async fn create_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<MeetingInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command();
    let record = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::create_meeting(tx, &caller, command).await),
    )
    .await?;
    Ok(in_full(HttpResponse::Created(), record))
}
