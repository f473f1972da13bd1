use actix_web::{HttpResponse, post, web};
use linli_domain::{policy::Action, public_revenue::check_closable};
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::{in_scope, month_field};
use crate::{
    auth::Caller,
    dto::public_revenue::ClosePeriodRequest,
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

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
    let month = month_field("month", &body.month)?;
    check_closable(month, state.clock().today())?;
    let mut conn = state.db.conn().await?;
    let compound = in_scope(
        &mut conn,
        &caller,
        id.into_inner(),
        Action::CloseLedgerPeriod,
    )
    .await?;
    public_revenue::close_period(
        &mut conn,
        &caller.audit,
        compound.id,
        compound.path.as_str(),
        month,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
