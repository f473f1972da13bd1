use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::volunteering;

use super::{patterns_for, viewer};
use crate::{
    auth::Caller,
    dto::volunteering::{ReportList, ReportQuery, ReportView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Reports: a secretary's or staff member's area (the confirmation queue with
/// `status=requested`), or a volunteer's own.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(ReportQuery), responses(
    (status = 200, description = "The reports", body = ReportList),
))]
#[get("/reports")]
pub async fn list_reports(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ReportQuery>,
) -> ApiResult<web::Json<ReportList>> {
    let patterns = patterns_for(&caller, Action::ReadVolunteering);
    if patterns.is_empty() {
        caller.scope(Action::Participate)?;
    }
    let mut conn = state.db.conn().await?;
    let me = viewer(&mut conn, &caller).await?;
    let items =
        volunteering::reports(&mut conn, &patterns, me, query.status.as_deref(), 500).await?;
    Ok(web::Json(ReportList {
        items: items.into_iter().map(ReportView::from).collect(),
    }))
}
