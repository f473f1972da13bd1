//! Merging a duplicate into the complaint that carries on.

use linli_domain::ids::ComplaintId;
use linli_domain::{
    complaint::{MergeSide, check_merge},
    policy::Action,
};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Complaint},
};

use super::sight::{Seen, visible};
use crate::{Caller, Result, access::for_write, not_found_as_field};

/// Merge `complaint_id` into `into`.
#[derive(Debug, Clone)]
pub struct MergeComplaint {
    pub complaint_id: ComplaintId,
    pub into: ComplaintId,
    /// The version of the duplicate the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Closes the duplicate pointing at the one that carries on (same compound and category,
/// both open); both timelines say so. Dispatchers over the duplicate's area only.
pub async fn merge_complaint(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: MergeComplaint,
) -> Result<Seen> {
    // Authorise: dispatchers, with scope over the duplicate's area (the one carrying on
    // is of the same compound).
    let scope = caller.scope(Action::DispatchComplaints)?;
    let (dup, _) = visible(tx, caller, cmd.complaint_id).await?;
    let dup = for_write(&scope, dup)?;
    // Load.
    let (into, _) = visible(tx, caller, cmd.into)
        .await
        .map_err(|e| not_found_as_field(e, "into", "诉求不存在 / no such complaint"))?;
    // Decide.
    check_merge(side(&dup), side(&into))?;
    // Store, audit and event.
    complaints::merge(tx, &caller.audit, &dup, &into, cmd.expected_version).await?;
    visible(tx, caller, dup.id.into()).await
}

fn side(c: &Complaint) -> MergeSide<'_> {
    MergeSide {
        id: c.id.into(),
        compound_id: c.compound_id.into(),
        category: &c.category_code,
        status: c.status(),
        merged: c.duplicate_of.is_some(),
    }
}
