use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::{HoursList, HoursQuery, HoursView};

/// Service minutes grouped by `person`, `team`, `compound`, `subdistrict` or `district`
/// (default this calendar year). Only verified minutes count; pending ones are shown beside.
/// Volunteers see their own (`mine=true`).
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(HoursQuery), responses(
    (status = 200, description = "The service hours", body = HoursList),
    (status = 422, description = "An unknown `group_by` or a date that does not parse", body = Problem, content_type = "application/problem+json"),
))]
#[get("/service-hours")]
pub async fn service_hours(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<HoursQuery>,
) -> ApiResult<web::Json<HoursList>> {
    let find = query.into_inner().into_find(state.clock().today());
    let hours = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::service_hours(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(HoursList {
        group_by: hours.group_by,
        items: hours.rows.into_iter().map(HoursView::from).collect(),
    }))
}
