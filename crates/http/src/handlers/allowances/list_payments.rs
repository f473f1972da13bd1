use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::{PaymentList, PaymentQuery, PaymentView};

/// A cycle's lines in order: every candidate, the decision, the amount and why. Account
/// numbers show their last four digits only.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = []), ("api_key" = [])), params(("id" = Uuid, Path), PaymentQuery), responses(
    (status = 200, description = "The payments", body = PaymentList),
))]
#[get("/payment-cycles/{id}/payments")]
pub async fn list_payments(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<PaymentQuery>,
) -> ApiResult<web::Json<PaymentList>> {
    let (id, query) = (id.into_inner(), query.into_inner());
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let (decision, reason) = (query.decision.as_deref(), query.reason.as_deref());
            allowances::list_payments(tx, &caller, id.into(), decision, reason).await
        }),
    )
    .await?;
    Ok(web::Json(PaymentList {
        items: items.into_iter().map(PaymentView::from).collect(),
    }))
}
