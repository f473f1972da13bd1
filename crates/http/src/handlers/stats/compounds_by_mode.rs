use crate::handlers::prelude::*;
use linli_app::stats;

use crate::dto::stats::CompoundsByModeResponse;

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
    let rows = on_connection(
        &state.db,
        with_tx!(|tx| stats::compounds_by_mode(tx, &caller).await),
    )
    .await?;
    Ok(web::Json(CompoundsByModeResponse::from(rows)))
}
