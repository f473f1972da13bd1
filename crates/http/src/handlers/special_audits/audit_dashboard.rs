use actix_web::{get, web};
use linli_app::{in_transaction, special_audits};

use crate::{
    auth::Caller,
    dto::special_audit::{AuditDashboard, DashboardQuery},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Special audit dashboard: budget used, engagements by status, findings and money at stake
/// per subdistrict, and how many rectifications met their deadline.
#[utoipa::path(tag = tags::SPECIAL_AUDITS, security(("bearer" = [])), params(DashboardQuery), responses(
    (status = 200, description = "The audit dashboard", body = AuditDashboard),
))]
#[get("/stats/audits")]
pub async fn audit_dashboard(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<DashboardQuery>,
) -> ApiResult<web::Json<AuditDashboard>> {
    let campaign_id = query.campaign_id;
    let d = in_transaction(&state.db, |tx| {
        Box::pin(async move { special_audits::audit_dashboard(tx, &caller, campaign_id).await })
    })
    .await?;
    Ok(web::Json(AuditDashboard::from(d)))
}
