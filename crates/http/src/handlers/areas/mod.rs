//! The area tree.

pub mod create_area;
pub mod get_area;
pub mod list_areas;
pub mod update_area;
