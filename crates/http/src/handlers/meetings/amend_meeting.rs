use crate::handlers::prelude::*;
use linli_app::meetings;

use super::in_full;
use crate::{
    auth::AuthUser,
    dto::registry::{AmendmentInput, MeetingView},
    extract::ValidJson,
};

/// Correct a finalised record: the record stays as signed, the amendment says what was
/// wrong and why, and is audited.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = [])), request_body = AmendmentInput, params(("id" = Uuid, Path)), responses(
    (status = 201, description = "Created: the meeting", body = MeetingView),
    (status = 409, description = "Still a draft (`meeting_not_finalised`): edit it directly", body = Problem, content_type = "application/problem+json"),
))]
#[post("/joint-meetings/{id}/amendments")]
pub async fn amend_meeting(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<AmendmentInput>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let record = in_transaction(
        &state.db,
        with_tx!(|tx| meetings::amend_meeting(tx, &user, command).await),
    )
    .await?;
    Ok(in_full(HttpResponse::Created(), record))
}
