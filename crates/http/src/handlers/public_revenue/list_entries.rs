use actix_web::{get, web};
use linli_domain::page::clamp_limit;
use linli_persistence::public_revenue::{self, JournalFilter};
use uuid::Uuid;

use super::{readable, with_lines};
use crate::{
    auth::Caller,
    cursor,
    dto::public_revenue::{EntryPage, JournalQuery},
    error::ApiResult,
    handlers::tags,
    state::AppState,
};

/// A compound's journal, newest first, each entry with its lines.
#[utoipa::path(tag = tags::PUBLIC_REVENUE, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Compound id"), JournalQuery), responses(
    (status = 200, description = "One page of entries (`next_cursor` continues)", body = EntryPage),
))]
#[get("/compounds/{id}/ledger/entries")]
pub async fn list_entries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<JournalQuery>,
) -> ApiResult<web::Json<EntryPage>> {
    let limit = clamp_limit(query.limit);
    let before = cursor::decode_opt::<i64>(query.cursor.as_deref())?;
    let mut conn = state.db.conn().await?;
    let compound = readable(&mut conn, &caller, id.into_inner()).await?;
    let filter = JournalFilter {
        from: query.from,
        to: query.to,
        account_id: query.account_id,
    };
    let mut rows =
        public_revenue::journal(&mut conn, compound.id, &filter, before, limit + 1).await?;
    let next_cursor = cursor::next_page(&mut rows, limit, |e| cursor::encode(&e.number));
    Ok(web::Json(EntryPage {
        items: with_lines(&mut conn, rows).await?,
        next_cursor,
    }))
}
