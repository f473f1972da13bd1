use actix_web::{get, web};
use linli_persistence::allowances;
use uuid::Uuid;

use super::readable_cycle;
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
    let mut conn = state.db.conn().await?;
    let (cycle, _) = readable_cycle(&mut conn, &caller, id.into_inner()).await?;
    let items = allowances::lines(
        &mut conn,
        cycle.id,
        query.decision.as_deref(),
        query.reason.as_deref(),
    )
    .await?;
    Ok(web::Json(PaymentList {
        items: items.into_iter().map(PaymentView::from).collect(),
    }))
}
