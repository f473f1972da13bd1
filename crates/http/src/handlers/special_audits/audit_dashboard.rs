use crate::handlers::prelude::*;
use linli_app::special_audits;

use crate::dto::special_audit::{AuditDashboard, DashboardQuery};

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
    let d = in_transaction(
        &state.db,
        with_tx!(
            |tx| special_audits::audit_dashboard(tx, &caller, campaign_id.map(Into::into)).await
        ),
    )
    .await?;
    Ok(web::Json(AuditDashboard::from(d)))
}
