//! Reading the neighbourhood centres.

use linli_domain::ids::{AreaId, CentreId};
use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, scope_patterns},
    registry::centres::{self, Centre},
};

use crate::{Caller, Result, stored_key};

/// Filters of a list of centres.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindCentres {
    /// Within this area (404 when it lies outside the caller's scope).
    pub area_id: Option<AreaId>,
    /// Part of the name.
    pub name: Option<String>,
}

/// The centre `id`, when the caller sees it.
pub async fn find_centre(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: CentreId,
) -> Result<Centre> {
    let scope = caller.scope(Action::ReadRegistry)?;
    centres::find_visible(tx, &scope_patterns(&scope), id.into()).await
}

/// Up to `limit` centres the caller sees, by name after `after` (name, id).
pub async fn list_centres(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCentres,
    after: Option<&(String, CentreId)>,
    limit: i64,
) -> Result<Vec<Centre>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let within = match find.area_id {
        Some(id) => Some(areas::find_in_scope(tx, id.uuid(), &scope).await?.path),
        None => None,
    };
    let name = find
        .name
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    let within = within.map(|p| p.as_str().to_owned());
    centres::list(
        tx,
        &scope_patterns(&scope),
        within,
        name,
        stored_key(after).as_ref(),
        limit,
    )
    .await
}
