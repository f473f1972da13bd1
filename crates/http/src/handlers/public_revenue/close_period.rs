use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::{dto::public_revenue::ClosePeriodRequest, extract::ValidJson};

/// Close a month (结账): nothing posts into it afterwards, not even imports; corrections
/// go into an open month. Only a month that has ended can be closed; closing is final.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), request_body = ClosePeriodRequest,
    params(("id" = Uuid, Path, description = "Compound id")), responses(
    (status = 204, description = "Closed"),
    (status = 409, description = "Already closed (`period_closed`) or not ended (`period_not_ended`)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/compounds/{id}/ledger/periods")]
pub async fn close_period(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    ValidJson(body): ValidJson<ClosePeriodRequest>,
) -> ApiResult<HttpResponse> {
    let command = body.into_command(id.into_inner());
    let today = state.clock().today();
    in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::close_period(tx, &caller, today, command).await),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
