use crate::handlers::prelude::*;
use linli_app::volunteering;

use crate::dto::volunteering::{CheckInList, CheckInQuery, CheckInView};

/// Check-ins: the live monitor (`open=true`), the verification queue
/// (`verification=pending&open=false`), flagged ones, or the caller's own (`mine=true`).
/// Staff see their area; team leaders their teams' activities; volunteers their own.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(CheckInQuery), responses(
    (status = 200, description = "The check-ins", body = CheckInList),
))]
#[get("/check-ins")]
pub async fn list_check_ins(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<CheckInQuery>,
) -> ApiResult<web::Json<CheckInList>> {
    let find = query.into_inner().into_find();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::list_check_ins(tx, &caller, find).await),
    )
    .await?;
    Ok(web::Json(CheckInList {
        items: items.into_iter().map(CheckInView::from).collect(),
    }))
}
