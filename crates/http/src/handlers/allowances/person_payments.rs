use crate::handlers::prelude::*;
use linli_app::allowances;

use crate::dto::allowance::{PaymentList, PaymentView};

/// A person's allowance history: every cycle line (paid, failed, excluded and why), newest
/// month first.
#[utoipa::path(tag = tags::ALLOWANCES, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Person id")), responses(
    (status = 200, description = "The payments", body = PaymentList),
))]
#[get("/people/{id}/payments")]
pub async fn person_payments(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<PaymentList>> {
    let person_id = id.into_inner();
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| allowances::person_payments(tx, &caller, person_id.into()).await),
    )
    .await?;
    Ok(web::Json(PaymentList {
        items: items.into_iter().map(PaymentView::from).collect(),
    }))
}
