use actix_web::{get, web};
use chrono::NaiveDate;
use linli_domain::{page::clamp_limit, policy::Action};
use linli_persistence::{
    areas::scope_patterns,
    registry::meetings::{self, ItemFilter},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    cursor,
    dto::registry::{ActionItemPage, ActionItemQuery, ActionItemView},
    error::ApiResult,
    handlers::tags,
    state::AppState,
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
    let scope = caller.scope(Action::ReadRegistry)?;
    let limit = clamp_limit(query.limit);
    let after = cursor::decode_opt::<(NaiveDate, Uuid)>(query.cursor.as_deref())?;
    let filter = ItemFilter {
        overdue: query.overdue,
        status: query.status,
        owner_org_id: query.owner_org_id,
        compound_id: query.compound_id,
    };
    let mut conn = state.db.conn().await?;
    let mut list = meetings::items(
        &mut conn,
        &scope_patterns(&scope),
        &filter,
        after.as_ref(),
        limit + 1,
    )
    .await?;
    let next_cursor = cursor::next_page(&mut list, limit, |i| cursor::encode(&(i.due_on, i.id)));
    Ok(web::Json(ActionItemPage {
        items: list.into_iter().map(ActionItemView::from).collect(),
        next_cursor,
    }))
}
