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
use linli_app::complaints::InFull;

use crate::{dto::complaint::ComplaintDetail, error::ApiResult, extract::etag};

/// The answer with a complaint in full and its `ETag`.
fn in_full(status: StatusCode, full: InFull) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::build(status)
        .insert_header((header::ETAG, etag(full.complaint.version)))
        .json(ComplaintDetail::from(full)))
}
