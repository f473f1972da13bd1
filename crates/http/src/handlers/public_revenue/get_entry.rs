use crate::handlers::prelude::*;
use linli_app::public_revenue;

use crate::dto::public_revenue::EntryView;

/// One journal entry with its lines.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path)), responses(
    (status = 200, description = "The entry", body = EntryView),
))]
#[get("/ledger-entries/{id}")]
pub async fn get_entry(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<EntryView>> {
    let id = id.into_inner();
    let entry = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::get_entry(tx, &caller, id.into()).await),
    )
    .await?;
    Ok(web::Json(EntryView::from(entry)))
}
