use actix_web::{get, web};
use linli_app::{in_transaction, public_revenue};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::public_revenue::EntryView, error::ApiResult, handlers::tags, state::AppState,
};

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
    let entry = in_transaction(&state.db, move |tx| {
        Box::pin(async move { public_revenue::get_entry(tx, &caller, id).await })
    })
    .await?;
    Ok(web::Json(EntryView::from(entry)))
}
