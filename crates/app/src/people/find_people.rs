//! Reading the people of the register.

use linli_domain::ids::{CompoundId, PersonId};
use linli_domain::{pii::check_unmask_reason, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    registry::people::{self, PeopleFilter, Person},
};

use crate::{Caller, Result, stored_key};

/// Filters of a list of people.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindPeople {
    /// Part of the name.
    pub name: Option<String>,
    pub home_compound_id: Option<CompoundId>,
    pub is_party_member: Option<bool>,
}

/// The person `id`, when the caller sees them (their home or a post in the caller's area).
pub async fn find_person(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: PersonId,
) -> Result<Person> {
    let scope = caller.scope(Action::ReadRegistry)?;
    people::find_visible(tx, &scope_patterns(&scope), id.uuid()).await
}

/// Up to `limit` people the caller sees, by name after `after` (name, id).
pub async fn list_people(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindPeople,
    after: Option<&(String, PersonId)>,
    limit: i64,
) -> Result<Vec<Person>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let filter = PeopleFilter {
        name_contains: find
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        home_compound_id: find.home_compound_id.map(CompoundId::uuid),
        is_party_member: find.is_party_member,
    };
    people::list(
        tx,
        &scope_patterns(&scope),
        &filter,
        stored_key(after).as_ref(),
        limit,
    )
    .await
}

/// The person `id` with their phone and ID number in full; the caller's reason is written
/// to the audit log.
pub async fn unmask_person(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: PersonId,
    reason: &str,
) -> Result<Person> {
    let scope = caller.scope(Action::ReadPersonalData)?;
    let reason = check_unmask_reason(reason)?;
    let person = people::find_visible(tx, &scope_patterns(&scope), id.uuid()).await?;
    people::record_unmask(tx, &caller.audit, &person, reason).await?;
    Ok(person)
}
