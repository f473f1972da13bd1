//! Joint meetings (联席会议).

pub mod amend_meeting;
pub mod create_meeting;
pub mod finalise_meeting;
pub mod get_meeting;
pub mod list_meetings;
pub mod update_meeting;

use actix_web::{HttpResponse, HttpResponseBuilder, http::header};
use linli_app::meetings::MeetingRecord;

use crate::{dto::registry::MeetingView, extract::etag};

/// The full meeting response with its `ETag`.
fn in_full(mut builder: HttpResponseBuilder, record: MeetingRecord) -> HttpResponse {
    builder
        .insert_header((header::ETAG, etag(record.meeting.version)))
        .json(MeetingView::from(record))
}
