use actix_web::{post, web};
use linli_domain::{
    DomainError,
    pii::{UNMASK_REASON_MAX_CHARS, UNMASK_REASON_MIN_CHARS},
    policy::Action,
};
use linli_persistence::user_admin;
use uuid::Uuid;

use super::visible_user;
use crate::{
    auth::AuthUser,
    dto::user::{UnmaskRequest, UnmaskResponse},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// See a user's personal data unmasked. Needs the `pii.read` permission and a reason;
/// every use is written to the audit log with that reason.
#[utoipa::path(tag = tags::USERS, security(("bearer" = [])), request_body = UnmaskRequest, params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The unmasked value; the request and its reason are audited", body = UnmaskResponse),
    (status = 403, description = "No `pii.read` permission", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "Reason missing or too short", body = Problem, content_type = "application/problem+json"),
))]
#[post("/users/{id}/unmask")]
pub async fn unmask_user(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<UnmaskRequest>,
) -> ApiResult<web::Json<UnmaskResponse>> {
    user.scope(Action::ReadPersonalData)?;
    let reason = body.reason.trim();
    if !(UNMASK_REASON_MIN_CHARS..=UNMASK_REASON_MAX_CHARS).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            format!("请说明查看原因（{UNMASK_REASON_MIN_CHARS} 到 {UNMASK_REASON_MAX_CHARS} 个字）/ give a reason of {UNMASK_REASON_MIN_CHARS} to {UNMASK_REASON_MAX_CHARS} characters"),
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let record = visible_user(&mut conn, &user, id.into_inner(), Action::ReadPersonalData).await?;
    user_admin::record_unmask(&mut conn, &user.audit, &record, &["phone"], reason).await?;
    Ok(web::Json(UnmaskResponse {
        phone: record.phone,
    }))
}
