use actix_web::{HttpResponse, post, web};
use linli_app::{in_transaction, meetings};

use super::in_full;
use crate::{
    auth::Caller,
    dto::registry::{MeetingInput, MeetingView},
    error::ApiResult,
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let record = in_transaction(&state.db, move |tx| {
        Box::pin(async move { meetings::create_meeting(tx, &caller, command).await })
    })
    .await?;
    Ok(in_full(HttpResponse::Created(), record))
}
