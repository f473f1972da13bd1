//! Following an action item up.

use chrono::NaiveDate;
use linli_domain::ids::ActionItemId;
use linli_domain::{
    DomainError,
    policy::Action,
    registry::{ActionStatus, check_action_status},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::meetings::{self, ActionItem},
};

use crate::{Caller, Result, access::for_write};

/// A follow-up: done (with the date), cancelled, or reopened.
#[derive(Debug, Clone, Copy)]
pub struct UpdateActionItem {
    pub item_id: ActionItemId,
    pub status: ActionStatus,
    /// Required for `done`; not after `today`.
    pub done_on: Option<NaiveDate>,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Sets an action item's status once its meeting's record is finalised (409
/// `meeting_not_finalised` before). Audited; returns the item.
pub async fn update_action_item(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: UpdateActionItem,
) -> Result<ActionItem> {
    // Authorise.
    let scope = caller.scope(Action::ManageMeetings)?;
    let patterns = scope_patterns(&scope);
    // Validate.
    check_action_status(cmd.status, cmd.done_on, today)?;
    // Load, in the caller's write scope.
    let item = meetings::find_item(tx, &patterns, cmd.item_id.into()).await?;
    let item = for_write(&scope, item)?;
    // Decide: a draft's items are rewritten whenever the draft is saved, so follow-up
    // starts once the record is finalised and nothing done here is lost.
    if !item.meeting_finalised {
        return Err(DomainError::WrongState {
            code: "meeting_not_finalised",
            detail: "会议纪要定稿后才能跟进待办事项 / follow-up starts once the meeting record is finalised".into(),
            allowed: vec![],
        }
        .into());
    }
    // Store and audit.
    meetings::set_item_status(
        tx,
        &caller.audit,
        &item,
        cmd.status,
        cmd.done_on,
        cmd.expected_version,
        &patterns,
    )
    .await
}
