//! People.

pub mod create_person;
pub mod get_person;
pub mod list_people;
pub mod unmask_person;
pub mod update_person;

use linli_domain::registry::PersonDraft;

use crate::dto::registry::PersonInput;

impl From<PersonInput> for PersonDraft {
    fn from(input: PersonInput) -> Self {
        PersonDraft {
            name: input.name,
            phone: input.phone,
            id_number: input.id_number,
            is_party_member: input.is_party_member,
            employer: input.employer,
            home_compound_id: Some(input.home_compound_id.into()),
        }
    }
}
