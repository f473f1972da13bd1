use actix_web::{get, web};
use linli_domain::special_audit::EngagementStatus;
use linli_persistence::special_audits;

use super::visibility;
use crate::{
    auth::Caller,
    dto::special_audit::{AreaFindingsView, AuditDashboard, DashboardQuery, StatusCount},
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
    let mut conn = state.db.conn().await?;
    let vis = visibility(&mut conn, &caller).await?;
    let (budget_fen, committed_fen) = match query.campaign_id {
        Some(id) => {
            let c = special_audits::campaign(&mut conn, &vis, id).await?;
            (c.budget_fen, c.committed_fen)
        }
        None => special_audits::campaigns(&mut conn, &vis)
            .await?
            .iter()
            .fold((0, 0), |(b, c), x| (b + x.budget_fen, c + x.committed_fen)),
    };
    let counts = special_audits::engagements_by_status(&mut conn, &vis, query.campaign_id).await?;
    let engagements_by_status = EngagementStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: *s,
            count: counts
                .iter()
                .find(|(code, _)| code == s.as_str())
                .map_or(0, |(_, n)| *n),
        })
        .collect();
    let by_area =
        special_audits::findings_by_subdistrict(&mut conn, &vis, query.campaign_id).await?;
    let (on_time, verified, overdue) =
        special_audits::rectification_timeliness(&mut conn, &vis, query.campaign_id).await?;
    Ok(web::Json(AuditDashboard {
        campaign_id: query.campaign_id,
        budget_fen,
        committed_fen,
        budget_used: if budget_fen > 0 {
            committed_fen as f64 / budget_fen as f64
        } else {
            0.0
        },
        engagements_by_status,
        findings_by_subdistrict: by_area.into_iter().map(AreaFindingsView::from).collect(),
        rectification_on_time_rate: (verified > 0).then(|| on_time as f64 / verified as f64),
        rectifications_verified: verified,
        rectifications_overdue: overdue,
    }))
}
