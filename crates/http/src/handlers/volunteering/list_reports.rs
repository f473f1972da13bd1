use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::{ReportList, ReportQuery, ReportView};

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
    let status = query.into_inner().status;
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::list_reports(tx, &caller, status).await),
    )
    .await?;
    Ok(web::Json(ReportList {
        items: items.into_iter().map(ReportView::from).collect(),
    }))
}
