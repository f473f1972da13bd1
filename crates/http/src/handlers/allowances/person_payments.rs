use actix_web::{get, web};
use linli_domain::policy::Action;
use linli_persistence::{allowances, areas::scope_patterns};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::allowance::{PaymentList, PaymentView},
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

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
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let person_id = id.into_inner();
    let mut conn = state.db.conn().await?;
    if !allowances::person_visible(&mut conn, &patterns, person_id).await? {
        return Err(ApiError::not_found("person"));
    }
    let items = allowances::person_history(&mut conn, &patterns, person_id).await?;
    Ok(web::Json(PaymentList {
        items: items.into_iter().map(PaymentView::from).collect(),
    }))
}
