use actix_web::{get, web};
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::readable;
use crate::{
    auth::Caller,
    dto::public_revenue::{VoucherList, VoucherView},
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
};

/// The vouchers attached to an entry; whoever may read the ledger (auditors of the compound
/// included) may list and open them.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The vouchers", body = VoucherList),
))]
#[get("/ledger-entries/{id}/vouchers")]
pub async fn list_vouchers(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<VoucherList>> {
    let id = id.into_inner();
    let mut conn = state.db.conn().await?;
    let compound_id = public_revenue::compound_of_entry(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("ledger entry"))?;
    readable(&mut conn, &caller, compound_id)
        .await
        .map_err(|e| e.hidden_as("ledger entry"))?;
    let items = public_revenue::vouchers(&mut conn, id).await?;
    Ok(web::Json(VoucherList {
        items: items.into_iter().map(VoucherView::from).collect(),
    }))
}
