//! The area tree: district > subdistrict > community > compound > building.

mod create_area;
mod find_areas;
mod update_area;

pub use create_area::create_area;
pub use find_areas::{Node, find_area, list_areas};
pub use update_area::update_area;
