//! Reading one action item.

use linli_domain::ids::ActionItemId;
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::meetings::{self, ActionItem},
};

use crate::{Caller, Result};

/// An action item of a meeting in the caller's area; 404 beyond sight.
pub async fn get_action_item(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    item_id: ActionItemId,
) -> Result<ActionItem> {
    let scope = caller.scope(Action::ReadRegistry)?;
    meetings::find_item(tx, &scope_patterns(&scope), item_id.into()).await
}
