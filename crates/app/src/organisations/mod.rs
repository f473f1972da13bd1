//! The organisations of the register: committees, party organisations, property companies,
//! volunteer teams. An organisation is seen from the compounds it serves and changed only
//! by staff covering its own area.

mod change_organisation;
mod find_organisations;

pub use change_organisation::{create_organisation, update_organisation};
pub use find_organisations::{FindOrganisations, find_organisation, list_organisations};
