//! Renaming an area or changing its code.

use linli_domain::ids::AreaId;
use linli_domain::{area::AreaChanges, policy::Action};
use linli_persistence::{AsyncPgConnection, areas};

use super::find_areas::{Node, nodes};
use crate::{Caller, Result};

/// Changes the name or code of the area `id` (at `version`) of the caller's scope.
pub async fn update_area(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (AreaId, i64),
    changes: AreaChanges,
) -> Result<Node> {
    let scope = caller.scope(Action::ManageAreas)?;
    let current = areas::find_in_scope(tx, id.into(), &scope).await?;
    let area = areas::update(tx, &caller.audit, &current, &changes, version).await?;
    let mut node = nodes(tx, vec![area]).await?;
    Ok(node.remove(0))
}
