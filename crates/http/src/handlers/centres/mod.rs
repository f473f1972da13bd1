//! Neighbourhood centres (邻里中心).

pub mod create_centre;
pub mod get_centre;
pub mod list_centres;
pub mod update_centre;
