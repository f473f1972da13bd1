use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::{ProgrammeList, ProgrammeView};

/// Allowance programmes covering your area.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), responses(
    (status = 200, description = "The programmes", body = ProgrammeList),
))]
#[get("/allowance-programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    caller: Caller,
) -> ApiResult<web::Json<ProgrammeList>> {
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::list_programmes(tx, &caller).await),
    )
    .await?;
    Ok(web::Json(ProgrammeList {
        items: items.into_iter().map(ProgrammeView::from).collect(),
    }))
}
