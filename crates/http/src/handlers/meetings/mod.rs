//! Joint meetings (联席会议).

pub mod amend_meeting;
pub mod create_meeting;
pub mod finalise_meeting;
pub mod get_meeting;
pub mod list_meetings;
pub mod update_meeting;

use actix_web::{HttpResponse, http::header};
use linli_domain::{
    DomainError, FieldErrors,
    policy::Scope,
    registry::{ActionItemDraft, MeetingDraft, OrgKind},
};
use linli_persistence::{
    AsyncPgConnection, compounds,
    registry::meetings::{self, Meeting},
};

use crate::{
    dto::registry::{MeetingInput, MeetingView},
    error::{ApiError, ApiResult},
    extract::etag,
};

/// Checks a meeting: fields, compound in scope, and that the convener, the attending
/// bodies and the action items' owners serve the compound (or its community). Fills in
/// each attending body's kind. Returns the draft, its items and the compound's path.
async fn checked(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    input: MeetingInput,
) -> ApiResult<(MeetingDraft, Vec<ActionItemDraft>, String)> {
    let compound = compounds::find_in_scope(conn, input.compound_id, scope)
        .await
        .map_err(|e| {
            linli_app::not_found_as_field(e, "compound_id", "小区不存在 / no such compound")
        })?;
    let mut draft = MeetingDraft {
        compound_id: compound.id,
        held_on: input.held_on,
        title: input.title,
        location: input.location,
        convener_org_id: input.convener_org_id,
        minutes: input.minutes,
    };
    let items: Vec<ActionItemDraft> = input
        .action_items
        .into_iter()
        .map(|i| ActionItemDraft {
            resolution_no: i.resolution_no,
            description: i.description,
            owner_org_id: i.owner_org_id,
            due_on: i.due_on,
        })
        .collect();
    let mut errors = match draft.check() {
        Ok(()) => FieldErrors::new(),
        Err(DomainError::Validation(e)) => e,
        Err(other) => return Err(other.into()),
    };
    let unrelated = "该组织与此小区无关 / this organisation does not serve the compound";
    if !meetings::org_serves(conn, draft.convener_org_id, compound.id).await? {
        errors
            .entry("convener_org_id".into())
            .or_default()
            .push(unrelated.into());
    }
    for (i, a) in draft.minutes.attendance.iter_mut().enumerate() {
        let kind = meetings::org_kind(conn, a.organisation_id).await?;
        if kind.is_none() || !meetings::org_serves(conn, a.organisation_id, compound.id).await? {
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
        if !meetings::org_serves(conn, item.owner_org_id, compound.id).await? {
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
        return Err(ApiError::validation(errors));
    }
    Ok((draft, items, compound.path.as_str().to_owned()))
}

/// The full meeting response with its `ETag`.
async fn respond(
    conn: &mut AsyncPgConnection,
    builder: &mut actix_web::HttpResponseBuilder,
    meeting: Meeting,
) -> ApiResult<HttpResponse> {
    let items = meetings::items_of(conn, meeting.id).await?;
    let amendments = meetings::amendments_of(conn, meeting.id).await?;
    Ok(builder
        .insert_header((header::ETAG, etag(meeting.version)))
        .json(MeetingView::new(meeting, items, amendments)))
}
