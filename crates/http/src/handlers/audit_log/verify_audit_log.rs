use actix_web::{get, web};
use linli_app::{audit_log::verify_audit_log as verify, on_connection};

use crate::{
    auth::AuthUser, dto::audit_log::AuditVerification, error::ApiResult, handlers::tags,
    state::AppState,
};

/// Re-compute the audit log's hash chain and name the first altered entry, if any.
#[utoipa::path(tag = tags::AUDIT_LOG, security(("bearer" = [])), responses(
    (status = 200, description = "The audit verification", body = AuditVerification),
))]
#[get("/audit-log/verify")]
pub async fn verify_audit_log(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<AuditVerification>> {
    let result = on_connection(&state.db, move |tx| {
        Box::pin(async move { verify(tx, &user).await })
    })
    .await?;
    Ok(web::Json(AuditVerification {
        ok: result.first_broken_id.is_none(),
        checked: result.checked,
        first_broken_id: result.first_broken_id,
    }))
}
