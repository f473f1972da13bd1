use actix_web::{get, web};
use linli_persistence::public_revenue;
use uuid::Uuid;

use super::{readable, with_lines};
use crate::{
    auth::Caller,
    dto::public_revenue::EntryView,
    error::{ApiError, ApiResult},
    handlers::tags,
    state::AppState,
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
    let mut conn = state.db.conn().await?;
    let compound_id = public_revenue::compound_of_entry(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("ledger entry"))?;
    let compound = readable(&mut conn, &caller, compound_id)
        .await
        .map_err(|e| e.hidden_as("ledger entry"))?;
    let entry = public_revenue::find_entry(&mut conn, compound.id, id).await?;
    let mut views = with_lines(&mut conn, vec![entry]).await?;
    views
        .pop()
        .map(web::Json)
        .ok_or_else(|| ApiError::not_found("ledger entry"))
}
