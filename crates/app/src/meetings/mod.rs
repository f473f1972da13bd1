//! Joint meetings (联席会议) and their action items (待办): the record, its sign-off and
//! amendments, and the follow-up of what was agreed.

mod amend_meeting;
mod create_meeting;
mod finalise_meeting;
mod get_action_item;
mod get_meeting;
mod list_action_items;
mod list_meetings;
mod update_action_item;
mod update_meeting;

pub use amend_meeting::{AmendMeeting, amend_meeting};
pub use create_meeting::create_meeting;
pub use finalise_meeting::{FinaliseMeeting, finalise_meeting};
pub use get_action_item::get_action_item;
pub use get_meeting::get_meeting;
pub use list_action_items::{ItemsAfter, list_action_items};
pub use list_meetings::{MeetingsAfter, list_meetings};
pub use update_action_item::{UpdateActionItem, update_action_item};
pub use update_meeting::{UpdateMeeting, update_meeting};

use linli_domain::{
    DomainError, FieldErrors,
    area::AreaPath,
    policy::Scope,
    registry::{ActionItemDraft, MeetingDraft, OrgKind},
};
use linli_persistence::{
    AsyncPgConnection, compounds,
    registry::meetings::{self, ActionItem, Amendment, Meeting},
};

use crate::{Result, access::Owned, not_found_as_field};

/// A meeting record as its secretary writes it (while it is a draft): the meeting and the
/// action items agreed.
#[derive(Debug, Clone)]
pub struct RecordMeeting {
    pub draft: MeetingDraft,
    pub action_items: Vec<ActionItemDraft>,
}

/// A meeting with its action items and amendments.
#[derive(Debug, Clone)]
pub struct MeetingRecord {
    pub meeting: Meeting,
    pub action_items: Vec<ActionItem>,
    pub amendments: Vec<Amendment>,
}

impl Owned for Meeting {
    /// The meeting's compound.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

impl Owned for ActionItem {
    /// The compound of the item's meeting.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

/// `meeting` with its action items and amendments.
async fn in_full(tx: &mut AsyncPgConnection, meeting: Meeting) -> Result<MeetingRecord> {
    let action_items = meetings::items_of(tx, meeting.id).await?;
    let amendments = meetings::amendments_of(tx, meeting.id).await?;
    Ok(MeetingRecord {
        meeting,
        action_items,
        amendments,
    })
}

/// Checks a meeting record: fields, compound in scope, and that the convener, the attending
/// bodies and the action items' owners serve the compound (or its community). Fills in
/// each attending body's kind. Returns the draft, its items and the compound's path.
async fn checked(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    cmd: RecordMeeting,
) -> Result<(MeetingDraft, Vec<ActionItemDraft>, String)> {
    let RecordMeeting {
        mut draft,
        action_items: items,
    } = cmd;
    let compound = compounds::find_in_scope(tx, draft.compound_id.into(), scope)
        .await
        .map_err(|e| not_found_as_field(e, "compound_id", "小区不存在 / no such compound"))?;
    draft.compound_id = compound.id.into();
    let mut errors = match draft.check() {
        Ok(()) => FieldErrors::new(),
        Err(DomainError::Validation(e)) => e,
        Err(other) => return Err(other.into()),
    };
    let unrelated = "该组织与此小区无关 / this organisation does not serve the compound";
    if !meetings::org_serves(tx, draft.convener_org_id.into(), compound.id).await? {
        errors
            .entry("convener_org_id".into())
            .or_default()
            .push(unrelated.into());
    }
    for (i, a) in draft.minutes.attendance.iter_mut().enumerate() {
        let kind = meetings::org_kind(tx, a.organisation_id).await?;
        if kind.is_none() || !meetings::org_serves(tx, a.organisation_id, compound.id).await? {
            errors
                .entry(format!("minutes.attendance[{i}].organisation_id"))
                .or_default()
                .push(unrelated.into());
        }
        a.body = kind.as_deref().and_then(OrgKind::parse);
    }
    let resolutions: Vec<i32> = draft.minutes.resolutions.iter().map(|r| r.no).collect();
    for (i, item) in items.iter().enumerate() {
        item.check(&mut errors, &format!("action_items[{i}]."));
        if !meetings::org_serves(tx, item.owner_org_id.into(), compound.id).await? {
            errors
                .entry(format!("action_items[{i}].owner_org_id"))
                .or_default()
                .push(unrelated.into());
        }
        if item
            .resolution_no
            .is_some_and(|n| !resolutions.contains(&n))
        {
            errors
                .entry(format!("action_items[{i}].resolution_no"))
                .or_default()
                .push("没有这个决议编号 / no such resolution".into());
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors).into());
    }
    Ok((draft, items, compound.path.as_str().to_owned()))
}
