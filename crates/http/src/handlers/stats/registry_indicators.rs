use actix_web::{get, web};
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{areas::scope_patterns, registry::indicators};

use crate::{
    auth::Caller,
    dto::registry::{IndicatorsView, RegistryIndicators},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Governance indicators per subdistrict and in total: party-organisation coverage of
/// compounds, party organisations in property companies, party members in owners'
/// committees, compounds by governance mode, compounds without a joint meeting in 90
/// days, cross-appointments and neighbourhood centres.
#[utoipa::path(tag = tags::STATS, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The registry indicators", body = RegistryIndicators),
))]
#[get("/stats/registry")]
pub async fn registry_indicators(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<RegistryIndicators>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let patterns = scope_patterns(&scope);
    let mut conn = state.db.conn().await?;
    let items = indicators::indicators(&mut conn, &patterns, false).await?;
    let totals = indicators::indicators(&mut conn, &patterns, true)
        .await?
        .into_iter()
        .next()
        .ok_or(DomainError::NotFound("compounds"))?;
    Ok(web::Json(RegistryIndicators {
        totals: IndicatorsView::from(totals),
        items: items.into_iter().map(IndicatorsView::from).collect(),
    }))
}
