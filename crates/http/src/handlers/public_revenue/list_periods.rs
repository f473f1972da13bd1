use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::dto::public_revenue::{PeriodList, PeriodView};

/// The months of a compound's ledger — every month with entries or closed — newest first.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 200, description = "The periods", body = PeriodList),
))]
#[get("/compounds/{id}/ledger/periods")]
pub async fn list_periods(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PeriodList>> {
    let id = id.into_inner();
    let periods = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::list_periods(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(PeriodList {
        items: periods.into_iter().map(PeriodView::from).collect(),
    }))
}
