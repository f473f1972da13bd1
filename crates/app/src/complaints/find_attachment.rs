//! A complaint's photo.

use linli_domain::DomainError;
use linli_domain::ids::{AttachmentId, ComplaintId};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Attachment},
};

use super::sight::visible;
use crate::{Caller, Result};

/// A photo of a complaint the caller may see; `NotFound` otherwise.
pub async fn find_attachment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    complaint_id: ComplaintId,
    attachment_id: AttachmentId,
) -> Result<Attachment> {
    let (c, _) = visible(tx, caller, complaint_id).await?;
    Ok(complaints::attachment(tx, c.id, attachment_id.uuid())
        .await?
        .ok_or(DomainError::NotFound("attachment"))?)
}
