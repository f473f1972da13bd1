//! The area tree: district > subdistrict > community > compound > building.

mod create_area;

pub use create_area::create_area;
