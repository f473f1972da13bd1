use crate::handlers::prelude::*;
use linli_app::meetings;
use linli_domain::page::clamp_limit;

use crate::{
    cursor,
    dto::registry::{ActionItemPage, ActionItemQuery, ActionItemView},
};

/// Action items of joint meetings in your area, by due date; `overdue=true` lists open
/// items past due.
#[utoipa::path(tag = tags::REGISTRY, security(("bearer" = []), ("api_key" = [])), params(ActionItemQuery), responses(
    (status = 200, description = "One page of action items (`next_cursor` continues)", body = ActionItemPage),
))]
#[get("/action-items")]
pub async fn list_action_items(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ActionItemQuery>,
) -> ApiResult<web::Json<ActionItemPage>> {
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<meetings::ItemsAfter>(query.cursor.as_deref())?;
    let filter = query.to_filter();
    let mut list = in_transaction(
        &state.db,
        with_tx!(
            |tx| meetings::list_action_items(tx, &caller, filter, after.as_ref(), limit + 1).await
        ),
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |i| cursor::encode(&(i.due_on, i.id)));
    Ok(web::Json(ActionItemPage {
        items: list.into_iter().map(ActionItemView::from).collect(),
        next_cursor,
    }))
}
