//! The compound register.

pub mod create_compound;
pub mod export_compounds;
pub mod get_compound;
pub mod get_governance;
pub mod list_compounds;
pub mod list_cross_appointments;
pub mod update_compound;
