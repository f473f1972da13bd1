use actix_web::{HttpResponse, post, web};
use linli_domain::{FieldErrors, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::meetings};
use uuid::Uuid;

use super::respond;
use crate::{
    auth::AuthUser,
    dto::registry::{AmendmentInput, MeetingView},
    error::{ApiError, ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
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
    let scope = user.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    let (reason, correction) = (body.reason.trim(), body.correction.trim());
    let mut errors = FieldErrors::new();
    if !(4..=500).contains(&reason.chars().count()) {
        errors.insert(
            "reason".into(),
            vec!["更正原因须为 4 到 500 个字 / the reason must be 4 to 500 characters".into()],
        );
    }
    if !(1..=2000).contains(&correction.chars().count()) {
        errors.insert(
            "correction".into(),
            vec![
                "更正内容须为 1 到 2000 个字 / the correction must be 1 to 2000 characters".into(),
            ],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut conn = state.db.conn().await?;
    let current = meetings::find_visible(&mut conn, &patterns, id.into_inner()).await?;
    meetings::amend(
        &mut conn,
        &user.audit,
        &current,
        user.user_id()?,
        reason,
        correction,
    )
    .await?;
    let meeting = meetings::find_visible(&mut conn, &patterns, current.id)
        .await
        .map_err(|e| linli_app::not_found_as(e, "meeting"))?;
    respond(&mut conn, &mut HttpResponse::Created(), meeting).await
}
