//! Organisations: party branches, committees, companies, teams, partners.

pub mod create_organisation;
pub mod get_organisation;
pub mod list_organisations;
pub mod update_organisation;

use linli_domain::registry::OrganisationDraft;

use crate::dto::registry::OrganisationInput;

impl From<OrganisationInput> for OrganisationDraft {
    fn from(input: OrganisationInput) -> Self {
        OrganisationDraft {
            kind: input.kind,
            name: input.name,
            area_id: input.area_id.into(),
            parent_id: input.parent_id.map(Into::into),
            contact_phone: input.contact_phone,
            compound_ids: input.compound_ids.into_iter().map(Into::into).collect(),
        }
    }
}
