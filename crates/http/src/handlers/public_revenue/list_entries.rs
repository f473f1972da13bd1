use crate::handlers::prelude::*;
use linli_app::public_revenue;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::public_revenue::{EntryPage, EntryView, JournalQuery},
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
    let (id, filter) = (id.into_inner(), query.filter());
    let mut entries = in_transaction(
        &state.db,
        with_tx!(|tx| public_revenue::list_entries(
            tx,
            &caller,
            id.into(),
            filter,
            before,
            limit + 1
        )
        .await),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut entries, limit, |e| cursor::encode(&e.entry.number));
    Ok(web::Json(EntryPage {
        items: entries.into_iter().map(EntryView::from).collect(),
        next_cursor,
    }))
}
