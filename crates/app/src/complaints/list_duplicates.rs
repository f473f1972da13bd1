//! Possible duplicates of a complaint, for the dispatcher to merge.

use linli_domain::DomainError;
use linli_domain::ids::ComplaintId;
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Complaint},
};

use super::sight::visible;
use crate::{Caller, Result};

/// Complaints about the same compound and category, filed within three days, still open;
/// for those who dispatch or handle the complaint.
pub async fn list_duplicates(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    complaint_id: ComplaintId,
) -> Result<Vec<Complaint>> {
    let (c, st) = visible(tx, caller, complaint_id).await?;
    if !(st.dispatcher || st.handler) {
        return Err(DomainError::Forbidden.into());
    }
    complaints::possible_duplicates(tx, &c).await
}
