use actix_web::{get, web};
use chrono::{Datelike, NaiveDate, Utc};
use linli_domain::{DomainError, calendar::china, policy::Action};
use linli_persistence::volunteering;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{HoursList, HoursQuery, HoursView},
    error::{ApiResult, Problem},
    handlers::tags,
    state::AppState,
};

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
    let group_by = query.group_by.clone().unwrap_or_else(|| "district".into());
    if !["person", "team", "compound", "subdistrict", "district"].contains(&group_by.as_str()) {
        return Err(DomainError::field(
            "group_by",
            "须为 person、team、compound、subdistrict 或 district",
        )
        .into());
    }
    let mut conn = state.db.conn().await?;
    let me = viewer(&mut conn, &caller).await?;
    let (patterns, person) =
        if query.mine.unwrap_or(false) || caller.scope(Action::ReadVolunteering).is_err() {
            (Vec::new(), Some(me.ok_or(DomainError::Forbidden)?))
        } else {
            (patterns_for(&caller, Action::ReadVolunteering), None)
        };
    let today = state.clock().today();
    let from = query
        .from
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today));
    let to = query.to.unwrap_or(today);
    let start = from
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(china()).single())
        .map(|t| t.with_timezone(&Utc));
    let end = to
        .and_hms_opt(23, 59, 59)
        .and_then(|t| t.and_local_timezone(china()).single())
        .map(|t| t.with_timezone(&Utc));
    let (Some(start), Some(end)) = (start, end) else {
        return Err(DomainError::field("from", "日期无效 / invalid date").into());
    };
    let items = volunteering::hours(&mut conn, &patterns, person, &group_by, start, end).await?;
    Ok(web::Json(HoursList {
        group_by,
        items: items.into_iter().map(HoursView::from).collect(),
    }))
}
