//! Complaints (诉求): intake, the work-order life cycle, lists and the catalogue.

pub mod complaint_counts;
pub mod create_complaint;
pub mod decide_extension;
pub mod export_complaints;
pub mod get_attachment;
pub mod get_complaint;
pub mod list_calendar_days;
pub mod list_categories;
pub mod list_complaints;
pub mod list_duplicates;
pub mod merge_complaint;
pub mod request_extension;
pub mod set_calendar_day;
pub mod transition_complaint;
pub mod update_category;
pub mod upload_attachment;

use linli_domain::{
    area::AreaPath,
    complaint::{Standing, allowed},
    policy::{Action, Principal, authorize},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    complaints::{self, Complaint, Visibility},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::complaint::{AttachmentView, ComplaintDetail, ComplaintView, ExtensionView, TimelineView},
    error::{ApiError, ApiResult},
};

/// What the caller may see: their area's complaints (staff), those assigned to their
/// organisations (handlers), their own (residents).
async fn visibility(conn: &mut AsyncPgConnection, caller: &Caller) -> ApiResult<Visibility> {
    let area_patterns = caller
        .scope(Action::ReadComplaints)
        .map(|s| scope_patterns(&s))
        .unwrap_or_default();
    let (handler_orgs, complainant) = match &caller.principal {
        Principal::User { user_id, .. } => (
            complaints::memberships(conn, *user_id).await?,
            Some(*user_id),
        ),
        Principal::ApiKey { .. } => (Vec::new(), None),
    };
    Ok(Visibility {
        area_patterns,
        handler_orgs,
        complainant,
    })
}

fn covers(caller: &Caller, action: Action, path: &str) -> bool {
    authorize(&caller.principal, action)
        .is_ok_and(|s| s.covers(&AreaPath::from_stored(path.to_owned())))
}

/// How the caller stands to a complaint.
async fn standing(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    c: &Complaint,
) -> ApiResult<Standing> {
    let user = match &caller.principal {
        Principal::User { user_id, .. } => Some(*user_id),
        Principal::ApiKey { .. } => None,
    };
    let handler = match (user, c.handler_org_id) {
        (Some(u), Some(org)) => complaints::is_member(conn, u, org).await?,
        _ => false,
    };
    Ok(Standing {
        dispatcher: covers(caller, Action::DispatchComplaints, &c.area_path),
        handler,
        complainant: user.is_some() && user == c.complainant_user_id,
    })
}

/// Loads a complaint the caller may see, with their standing; 404 otherwise.
async fn visible(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> ApiResult<(Complaint, Standing)> {
    let c = complaints::find(conn, id)
        .await?
        .ok_or_else(|| ApiError::not_found("complaint"))?;
    let st = standing(conn, caller, &c).await?;
    let sees = st.dispatcher
        || st.handler
        || st.complainant
        || covers(caller, Action::ReadComplaints, &c.area_path);
    if sees {
        Ok((c, st))
    } else {
        Err(ApiError::not_found("complaint"))
    }
}

/// Handlers need the complainant's number to call back; so do holders of `pii.read`.
fn shows_contact(caller: &Caller, st: Standing, c: &Complaint) -> bool {
    st.handler || st.complainant || covers(caller, Action::ReadPersonalData, &c.area_path)
}

/// The full response for one complaint.
async fn detail(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    c: Complaint,
    st: Standing,
) -> ApiResult<ComplaintDetail> {
    let timeline = complaints::timeline(conn, c.id).await?;
    let attachments = complaints::attachments_of(conn, c.id).await?;
    let extensions = complaints::extensions_of(conn, c.id).await?;
    let actions = allowed(c.status(), st);
    let show = shows_contact(caller, st, &c);
    Ok(ComplaintDetail {
        complaint: ComplaintView::new(c, show),
        timeline: timeline.into_iter().map(TimelineView::from).collect(),
        attachments: attachments.into_iter().map(AttachmentView::from).collect(),
        extensions: extensions.into_iter().map(ExtensionView::from).collect(),
        allowed_actions: actions,
    })
}
