use crate::handlers::prelude::*;
use linli_app::meetings;

use super::in_full;
use crate::{
    dto::registry::{MeetingInput, MeetingView},
    extract::{IfMatch, ValidJson},
};

/// Change a draft meeting record. A finalised record is read-only (409
/// `meeting_finalised`): correct it with an amendment. Requires `If-Match`.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = MeetingInput,
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
    (status = 409, description = "Finalised (`meeting_finalised`, `allowed` lists what is possible)", body = Problem, content_type = "application/problem+json"),
))]
#[put("/joint-meetings/{id}")]
pub async fn update_meeting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    ValidJson(body): ValidJson<MeetingInput>,
) -> ApiResult<HttpResponse> {
    let command = meetings::UpdateMeeting {
        meeting_id: id.into_inner().into(),
        record: body.into_command(),
        expected_version: if_match.0,
    };
    let record = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::update_meeting(tx, &caller, command).await),
    )
    .await?;
    Ok(in_full(HttpResponse::Ok(), record))
}
