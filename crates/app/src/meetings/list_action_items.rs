//! Listing action items.

use chrono::NaiveDate;
use linli_domain::ids::ActionItemId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::meetings::{self, ActionItem, ItemFilter},
};

use crate::{Caller, Result, stored_key};

/// Where an action-item list continues: after the item due on this day with this id.
pub type ItemsAfter = (NaiveDate, ActionItemId);

/// Up to `limit` action items of meetings in the caller's area after `after`, by due date.
pub async fn list_action_items(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    filter: ItemFilter,
    after: Option<&ItemsAfter>,
    limit: i64,
) -> Result<Vec<ActionItem>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    meetings::items(
        tx,
        &scope_patterns(&scope),
        &filter,
        stored_key(after).as_ref(),
        limit,
    )
    .await
}
