//! Complaints (诉求).

mod file_complaint;

pub use file_complaint::{FileComplaint, Via, file_complaint};
