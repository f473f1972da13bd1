//! The people of the register: residents, officers, party members. A person is seen where
//! they live and where they hold a post, and changed only by staff covering their home.

mod change_person;
mod find_people;

pub use change_person::{create_person, update_person};
pub use find_people::{FindPeople, find_person, list_people, unmask_person};
