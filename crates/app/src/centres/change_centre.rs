//! Registering a neighbourhood centre and changing it.

use linli_domain::ids::CentreId;
use linli_domain::{
    DomainError,
    area::AreaKind,
    policy::{Action, Scope},
    registry::CentreDraft,
};
use linli_persistence::{
    AsyncPgConnection, Found,
    areas::{self, Area, scope_patterns},
    registry::centres::{self, Centre},
};

use crate::{Caller, Result, access::for_write};

/// The checked draft's community, which must lie in `scope` (a field error otherwise).
async fn checked(tx: &mut AsyncPgConnection, scope: &Scope, draft: &CentreDraft) -> Result<Area> {
    draft.check()?;
    Ok(areas::find_in_scope(tx, draft.community_id, scope)
        .await
        .found()?
        .filter(|a| a.kind == AreaKind::Community)
        .ok_or_else(|| DomainError::field("community_id", "社区不存在 / no such community"))?)
}

/// Registers a centre in a community of the caller's scope.
pub async fn create_centre(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    draft: CentreDraft,
) -> Result<Centre> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let community = checked(tx, &scope, &draft).await?;
    centres::create(
        tx,
        &caller.audit,
        &draft,
        community.path.as_str(),
        &scope_patterns(&scope),
    )
    .await
}

/// Replaces the fields of the centre `id` (at `version`), which the caller must own; it
/// stays in its community.
pub async fn update_centre(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (CentreId, i64),
    draft: CentreDraft,
) -> Result<Centre> {
    let scope = caller.scope(Action::ManageRegistry)?;
    let patterns = scope_patterns(&scope);
    let current = for_write(
        &scope,
        centres::find_visible(tx, &patterns, id.into()).await?,
    )?;
    if draft.community_id != current.community_id {
        return Err(DomainError::field(
            "community_id",
            "邻里中心不能改换社区 / a centre stays in its community",
        )
        .into());
    }
    checked(tx, &scope, &draft).await?;
    centres::update(tx, &caller.audit, &current, &draft, version, &patterns).await
}
