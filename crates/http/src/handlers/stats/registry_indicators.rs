use crate::handlers::prelude::*;
use linli_app::stats;

use crate::dto::registry::{IndicatorsView, RegistryIndicators};

/// Governance indicators per subdistrict and in total: party-organisation coverage of
/// compounds, party organisations in property companies, party members in owners'
/// committees, compounds by governance mode, compounds without a joint meeting in 90
/// days, cross-appointments and neighbourhood centres.
#[utoipa::path(tag = tags::STATS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The registry indicators", body = RegistryIndicators),
    (status = 429, description = "`rate_limited`: too many statistics requests in a short time; see `Retry-After`", body = Problem, content_type = "application/problem+json"),
))]
#[get("/stats/registry")]
pub async fn registry_indicators(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<RegistryIndicators>> {
    state.limit(&caller, Expensive::Statistics)?;
    let (items, totals) = on_connection(
        &state.db,
        with_tx!(|tx| stats::registry_indicators(tx, &caller).await),
    )
    .await?;
    Ok(web::Json(RegistryIndicators {
        totals: IndicatorsView::from(totals),
        items: items.into_iter().map(IndicatorsView::from).collect(),
    }))
}
