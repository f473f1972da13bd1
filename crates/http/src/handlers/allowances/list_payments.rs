use actix_web::{get, web};
use linli_app::{allowances, in_transaction};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::allowance::{PaymentList, PaymentQuery, PaymentView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

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
    let items = in_transaction(&state.db, |tx| {
        Box::pin(async move {
            let (decision, reason) = (query.decision.as_deref(), query.reason.as_deref());
            allowances::list_payments(tx, &caller, id, decision, reason).await
        })
    })
    .await?;
    Ok(web::Json(PaymentList {
        items: items.into_iter().map(PaymentView::from).collect(),
    }))
}
