use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::dto::public_revenue::{VoucherList, VoucherView};

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
    let items = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::list_vouchers(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(VoucherList {
        items: items.into_iter().map(VoucherView::from).collect(),
    }))
}
