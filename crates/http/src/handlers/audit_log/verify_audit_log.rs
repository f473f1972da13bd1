use crate::handlers::prelude::*;
use linli_app::audit_log::verify_audit_log as verify;

use crate::{auth::AuthUser, dto::audit_log::AuditVerification};

/// Re-compute the audit log's hash chain and name the first altered entry, if any.
#[utoipa::path(tag = tags::AUDIT_LOG, security(("bearer" = [])), responses(
    (status = 200, description = "The audit verification", body = AuditVerification),
))]
#[get("/audit-log/verify")]
pub async fn verify_audit_log(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<web::Json<AuditVerification>> {
    let result = on_connection(&state.db, with_tx!(|tx| verify(tx, &user).await)).await?;
    Ok(web::Json(AuditVerification {
        ok: result.first_broken_id.is_none(),
        checked: result.checked,
        first_broken_id: result.first_broken_id,
    }))
}
