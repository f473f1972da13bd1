use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::stats;

use crate::{
    auth::Caller,
    dto::stats::{CompoundsByModeResponse, ModeCountsView, ModeTotals},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

/// Compounds by governance mode for each subdistrict in your scope, with totals.
#[utoipa::path(tag = tags::STATS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The compounds by mode", body = CompoundsByModeResponse),
    (status = 403, description = "Your role may not read statistics", body = Problem, content_type = "application/problem+json"),
))]
#[get("/stats/compounds-by-governance-mode")]
pub async fn compounds_by_mode(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<CompoundsByModeResponse>> {
    let scope = caller.scope(Action::ReadStats)?;
    let mut conn = state.db.conn().await?;
    let rows = stats::compounds_by_mode(&mut conn, &scope).await?;
    let mut totals = ModeTotals::default();
    let items = rows
        .into_iter()
        .map(|r| {
            totals.property_managed += r.property_managed;
            totals.entrusted += r.entrusted;
            totals.self_managed += r.self_managed;
            totals.total += r.total;
            ModeCountsView {
                area_id: r.area_id,
                area_name: r.area_name,
                property_managed: r.property_managed,
                entrusted: r.entrusted,
                self_managed: r.self_managed,
                total: r.total,
            }
        })
        .collect();
    Ok(web::Json(CompoundsByModeResponse { items, totals }))
}
