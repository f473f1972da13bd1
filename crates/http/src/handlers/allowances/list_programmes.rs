use actix_web::{get, web};
use linli_app::{allowances, in_transaction};

use crate::{
    auth::Caller,
    dto::allowance::{ProgrammeList, ProgrammeView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// Allowance programmes covering your area.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The programmes", body = ProgrammeList),
))]
#[get("/allowance-programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<ProgrammeList>> {
    let items = in_transaction(&state.db, |tx| {
        Box::pin(async move { allowances::list_programmes(tx, &caller).await })
    })
    .await?;
    Ok(web::Json(ProgrammeList {
        items: items.into_iter().map(ProgrammeView::from).collect(),
    }))
}
