//! Reading the area tree.

use linli_domain::ids::AreaId;
use linli_domain::{area::AreaKind, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area, AreaFilter},
};
use uuid::Uuid;

use crate::{Caller, Result, stored_key};

/// An area and whether it has children (so a tree can show it as expandable).
pub type Node = (Area, bool);

/// `list` with, for each, whether it has children.
pub(super) async fn nodes(tx: &mut AsyncPgConnection, list: Vec<Area>) -> Result<Vec<Node>> {
    let ids: Vec<Uuid> = list.iter().map(|a| a.id).collect();
    let parents = areas::with_children(tx, &ids).await?;
    Ok(list
        .into_iter()
        .map(|a| {
            let has_children = parents.contains(&a.id);
            (a, has_children)
        })
        .collect())
}

/// The area `id`, when it lies in the caller's scope.
pub async fn find_area(tx: &mut AsyncPgConnection, caller: &Caller, id: AreaId) -> Result<Node> {
    let scope = caller.scope(Action::ReadAreas)?;
    let area = areas::find_in_scope(tx, id.uuid(), &scope).await?;
    let has_children = areas::with_children(tx, &[area.id])
        .await?
        .contains(&area.id);
    Ok((area, has_children))
}

/// Up to `limit` areas of the caller's scope by name, after `after` (name, id): the children
/// of `parent_id`, or of one `kind`, or the caller's top nodes.
pub async fn list_areas(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (parent_id, kind): (Option<AreaId>, Option<AreaKind>),
    after: Option<(String, AreaId)>,
    limit: i64,
) -> Result<Vec<Node>> {
    let scope = caller.scope(Action::ReadAreas)?;
    let filter = AreaFilter {
        parent_id: parent_id.map(AreaId::uuid),
        kind,
        after: stored_key(after.as_ref()),
        limit,
    };
    let list = areas::list(tx, &scope, &filter).await?;
    nodes(tx, list).await
}
