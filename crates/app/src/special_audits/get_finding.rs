//! One finding.

use linli_domain::ids::FindingId;
use linli_persistence::AsyncPgConnection;

use super::{FindingWithActions, finding_with_actions, sight};
use crate::{Caller, Result};

/// A finding the caller may see (404 beyond sight), with its rectification actions.
pub async fn get_finding(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    finding_id: FindingId,
) -> Result<FindingWithActions> {
    let vis = sight(tx, caller).await?;
    finding_with_actions(tx, &vis, finding_id).await
}
