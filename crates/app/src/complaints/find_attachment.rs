//! A complaint's photo.

use linli_domain::DomainError;
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, Attachment},
};
use uuid::Uuid;

use super::sight::visible;
use crate::{Caller, Result};

/// A photo of a complaint the caller may see; `NotFound` otherwise.
pub async fn find_attachment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    complaint_id: Uuid,
    attachment_id: Uuid,
) -> Result<Attachment> {
    let (c, _) = visible(tx, caller, complaint_id).await?;
    Ok(complaints::attachment(tx, c.id, attachment_id)
        .await?
        .ok_or(DomainError::NotFound("attachment"))?)
}
