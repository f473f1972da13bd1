//! Complaints (诉求): intake, the work-order life cycle, lists and the catalogue.

mod add_attachment;
mod decide_extension;
mod file_complaint;
mod find_attachment;
mod in_full;
mod list_categories;
mod list_complaints;
mod list_duplicates;
mod merge_complaint;
mod request_extension;
mod set_calendar_day;
mod sight;
mod transition_complaint;
mod update_category;

pub use add_attachment::{AddAttachment, PhotoSlot, add_attachment, photo_slot};
pub use decide_extension::{DecideExtension, decide_extension};
pub use file_complaint::{FileComplaint, Via, file_complaint};
pub use find_attachment::find_attachment;
pub use in_full::{InFull, filed_in_full, in_full};
pub use list_categories::{calendar_days, list_categories, public_catalogue, public_category};
pub use list_complaints::{
    After, FindComplaints, count_complaints, export_complaints, list_complaints,
};
pub use list_duplicates::list_duplicates;
pub use merge_complaint::{MergeComplaint, merge_complaint};
pub use request_extension::{RequestExtension, request_extension};
pub use set_calendar_day::{SetCalendarDay, set_calendar_day};
pub use sight::{Seen, shows_contact, standing, visible, visible_among};
pub use transition_complaint::{TransitionComplaint, transition_complaint};
pub use update_category::{UpdateCategory, update_category};
