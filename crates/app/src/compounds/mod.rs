//! The compound register: compounds, and who governs each.

mod create_compound;
mod find_compounds;
mod governance;
mod update_compound;

pub use create_compound::create_compound;
pub use find_compounds::{
    FindCompounds, all_in_scope, export_compounds, find_compound, list_compounds,
};
pub use governance::{Governance, cross_appointments, governance};
pub use update_compound::update_compound;
