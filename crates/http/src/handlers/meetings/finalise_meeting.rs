use crate::handlers::prelude::*;
use linli_app::meetings;

use super::in_full;
use crate::{auth::AuthUser, dto::registry::MeetingView, extract::IfMatch};

/// Sign the record off. From then on it is read-only; corrections are amendments.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])),
    params(("id" = Uuid, Path), ("If-Match" = String, Header)),
    responses(
    (status = 200, description = "The meeting; `ETag` carries its version", body = MeetingView, headers(("ETag" = String))),
    (status = 409, description = "Already finalised, or attendance/agenda missing", body = Problem, content_type = "application/problem+json"),
))]
#[post("/joint-meetings/{id}/finalise")]
pub async fn finalise_meeting(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let command = meetings::FinaliseMeeting {
        meeting_id: id.into_inner().into(),
        expected_version: if_match.0,
    };
    let record = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::finalise_meeting(tx, &user, command).await),
    )
    .await?;
    Ok(in_full(HttpResponse::Ok(), record))
}
