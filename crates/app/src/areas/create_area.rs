//! Adding a node to the area tree.

use linli_domain::{DomainError, area::NewArea, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area},
};

use crate::{Caller, Result, not_found_as_field};

/// Creates an area under a parent in the caller's scope; the kind must be the one below the
/// parent's (checked when stored). A new district has no parent inside any scope, so a
/// parent is required.
pub async fn create_area(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    new: NewArea,
) -> Result<Area> {
    // Authorise.
    let scope = caller.scope(Action::ManageAreas)?;
    // Validate and load: the parent, in scope.
    let Some(parent_id) = new.parent_id else {
        return Err(DomainError::field(
            "parent_id",
            "必须指定上级区域 / a parent area is required",
        )
        .into());
    };
    let parent = areas::find_in_scope(tx, parent_id.into(), &scope)
        .await
        .map_err(|e| {
            not_found_as_field(
                e,
                "parent_id",
                "上级区域不存在 / the parent area does not exist",
            )
        })?;
    // Store, audit and event.
    areas::create(tx, &caller.audit, &new, Some(&parent)).await
}
