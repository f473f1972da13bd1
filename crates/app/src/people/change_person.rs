//! Registering a person and changing their entry.

use linli_domain::ids::PersonId;
use linli_domain::{
    policy::{Action, Scope},
    registry::PersonDraft,
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    compounds,
    registry::people::{self, Person},
};

use crate::{Caller, Result, access::for_write, not_found_as_field};

/// The area path of the person's home, a compound of `scope` (a field error otherwise).
async fn home_path(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    draft: &PersonDraft,
) -> Result<Option<String>> {
    let Some(home) = draft.home_compound_id else {
        return Ok(None);
    };
    let home = compounds::find_in_scope(tx, home.into(), scope)
        .await
        .map_err(|e| not_found_as_field(e, "home_compound_id", "小区不存在 / no such compound"))?;
    Ok(Some(home.path.as_str().to_owned()))
}

/// Registers a person living in a compound of the caller's area. Returns the stored entry.
pub async fn create_person(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: PersonDraft,
) -> Result<Person> {
    let scope = caller.scope(Action::ManageRegistry)?;
    draft.check()?;
    let area_path = home_path(tx, &scope, &draft).await?;
    let id = people::create(tx, &caller.audit, &draft, area_path).await?;
    people::find_visible(tx, &scope_patterns(&scope), id).await
}

/// Replaces the entry of the person `id` (at `version`): the caller must cover their home,
/// and the new home too.
pub async fn update_person(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (PersonId, i64),
    draft: PersonDraft,
) -> Result<Person> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let current = for_write(
        &scope,
        people::find_visible(tx, &patterns, id.into()).await?,
    )?;
    draft.check()?;
    let area_path = home_path(tx, &scope, &draft).await?;
    people::update(tx, &caller.audit, &current, &draft, area_path, version).await?;
    people::find_visible(tx, &patterns, current.id).await
}
