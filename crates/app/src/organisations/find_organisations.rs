//! Reading the organisations of the register.

use linli_domain::ids::{AreaId, CompoundId, OrganisationId};
use linli_domain::{policy::Action, registry::OrgKind};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, scope_patterns},
    registry::organisations::{self, OrgFilter, Organisation},
};

use crate::{Caller, Result, stored_key};

/// Filters of a list of organisations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindOrganisations {
    pub kind: Option<OrgKind>,
    /// Within this area (404 when it lies outside the caller's scope).
    pub area_id: Option<AreaId>,
    /// Part of the name.
    pub name: Option<String>,
    /// Serving this compound.
    pub compound_id: Option<CompoundId>,
}

/// The organisation `id`, when the caller sees it.
pub async fn find_organisation(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: OrganisationId,
) -> Result<Organisation> {
    let scope = caller.scope(Action::ReadRegistry)?;
    organisations::find_visible(tx, &scope_patterns(&scope), id.uuid()).await
}

/// Up to `limit` organisations the caller sees, by name after `after` (name, id).
pub async fn list_organisations(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindOrganisations,
    after: Option<&(String, OrganisationId)>,
    limit: i64,
) -> Result<Vec<Organisation>> {
    let scope = caller.scope(Action::ReadRegistry)?;
    let within = match find.area_id {
        Some(id) => Some(areas::find_in_scope(tx, id.uuid(), &scope).await?.path),
        None => None,
    };
    let filter = OrgFilter {
        kind: find.kind,
        within,
        name_contains: find
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        compound_id: find.compound_id.map(CompoundId::uuid),
    };
    organisations::list(
        tx,
        &scope_patterns(&scope),
        &filter,
        stored_key(after).as_ref(),
        limit,
    )
    .await
}
