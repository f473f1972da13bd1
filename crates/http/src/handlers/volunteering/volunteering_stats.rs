use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::VolunteeringStats;

/// The volunteering dashboard: reported members against the district's 13,000 in-service
/// party members, active volunteers, open check-ins, hours awaiting verification, verified
/// hours by month and the top teams of the year.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), responses(
    (status = 200, description = "The volunteering stats", body = VolunteeringStats),
))]
#[get("/stats/volunteering")]
pub async fn volunteering_stats(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<VolunteeringStats>> {
    let (now, today) = (state.clock().now(), state.clock().today());
    let stats = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::volunteering_stats(tx, &caller, now, today).await),
    )
    .await?;
    Ok(web::Json(VolunteeringStats::from(stats)))
}
