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

use actix_web::{HttpResponse, http::StatusCode, http::header};
use linli_app::complaints::{Seen, shows_contact};
use linli_domain::complaint::{Standing, allowed};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Complaint},
};

use crate::{
    dto::complaint::{AttachmentView, ComplaintDetail, ComplaintView, ExtensionView, TimelineView},
    error::ApiResult,
    extract::etag,
};

pub(crate) use linli_app::complaints::standing;

/// The full response for one complaint.
async fn detail(
    conn: &mut AsyncPgConnection,
    caller: &linli_app::Caller,
    c: Complaint,
    st: Standing,
) -> linli_app::Result<ComplaintDetail> {
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

/// A complaint in full as the caller sees it, with its version (for the `ETag`).
async fn seen_in_full(
    conn: &mut AsyncPgConnection,
    caller: &linli_app::Caller,
    (c, st): Seen,
) -> linli_app::Result<(i64, ComplaintDetail)> {
    let version = c.version;
    Ok((version, detail(conn, caller, c, st).await?))
}

/// The answer of a read or a change of one complaint: `status`, the complaint in full and
/// its `ETag`.
fn in_full(status: StatusCode, (version, body): (i64, ComplaintDetail)) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::build(status)
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
