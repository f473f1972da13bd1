use actix_web::{get, web};
use linli_app::{in_transaction, volunteering};

use crate::{
    auth::Caller,
    dto::volunteering::{CheckInList, CheckInQuery, CheckInView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

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
    let items = in_transaction(&state.db, |tx| {
        Box::pin(async move { volunteering::list_check_ins(tx, &caller, find).await })
    })
    .await?;
    Ok(web::Json(CheckInList {
        items: items.into_iter().map(CheckInView::from).collect(),
    }))
}
