//! Registering an organisation and changing its entry.

use linli_domain::ids::OrganisationId;
use linli_domain::{
    DomainError,
    policy::{Action, Scope},
    registry::OrganisationDraft,
};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area, scope_patterns},
    registry::organisations::{self, Organisation},
};

use crate::{Caller, Result, access::for_write, not_found_as_field};

/// The checked draft's area, and every compound it serves, in `scope` (field errors
/// otherwise).
async fn checked(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    draft: &OrganisationDraft,
) -> Result<Area> {
    draft.check()?;
    let area = areas::find_in_scope(tx, draft.area_id.into(), scope)
        .await
        .map_err(|e| not_found_as_field(e, "area_id", "区域不存在 / no such area"))?;
    crate::compounds::all_in_scope(tx, scope, &draft.compound_ids).await?;
    Ok(area)
}

/// Registers an organisation in an area of the caller's scope, serving compounds of it.
pub async fn create_organisation(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: OrganisationDraft,
) -> Result<Organisation> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let area = checked(tx, &scope, &draft).await?;
    organisations::create(
        tx,
        &caller.audit,
        &draft,
        &area.path,
        &scope_patterns(&scope),
    )
    .await
}

/// Replaces the entry of the organisation `id` (at `version`), which the caller must own;
/// its kind never changes.
pub async fn update_organisation(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (OrganisationId, i64),
    draft: OrganisationDraft,
) -> Result<Organisation> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let current = for_write(
        &scope,
        organisations::find_visible(tx, &patterns, id.into()).await?,
    )?;
    if draft.kind != current.kind {
        return Err(DomainError::field(
            "kind",
            "组织类型不能修改 / the kind of an organisation cannot change",
        )
        .into());
    }
    let area = checked(tx, &scope, &draft).await?;
    organisations::update(
        tx,
        &caller.audit,
        &current,
        &draft,
        &area.path,
        version,
        &patterns,
    )
    .await
}
