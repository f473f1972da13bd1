//! Adding a photo to a complaint.

use linli_domain::ids::{AttachmentId, ComplaintId};
use linli_domain::{
    complaint::{attachment_purpose, may_attach},
    media::clean_file_name,
};
use linli_persistence::{
    AsyncPgConnection,
    complaints::{self, NewAttachment},
};
use uuid::Uuid;

use super::sight::{Seen, visible};
use crate::{Caller, Result};

/// Where a photo about to be uploaded goes, once the caller may add it.
#[derive(Debug, Clone)]
pub struct PhotoSlot {
    pub complaint_id: ComplaintId,
    pub purpose: &'static str,
    pub attachment_id: AttachmentId,
    /// Relative to the upload directory.
    pub stored_path: String,
}

/// A photo, stored at its slot's path.
#[derive(Debug, Clone)]
pub struct AddAttachment {
    pub slot: PhotoSlot,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    /// The name given by the uploader (cleaned before it is kept).
    pub file_name: Option<String>,
}

impl AddAttachment {
    /// The photo `bytes` of `content_type` for `slot`, named `file_name` by the uploader.
    pub fn of(
        slot: PhotoSlot,
        content_type: &'static str,
        bytes: &[u8],
        file_name: Option<String>,
    ) -> Self {
        use sha2::{Digest, Sha256};
        AddAttachment {
            slot,
            content_type,
            size_bytes: i32::try_from(bytes.len()).unwrap_or(i32::MAX),
            sha256: Sha256::digest(bytes).to_vec(),
            file_name,
        }
    }
}

/// Whether the caller may add a photo of `purpose` (`report` by default: the complainant
/// or a dispatcher; `result`: the handler) to the complaint, which must be open; where it
/// goes if so. Asked before the bytes are read, so none are read in vain.
pub async fn photo_slot(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    complaint_id: ComplaintId,
    purpose: Option<&str>,
) -> Result<PhotoSlot> {
    let (c, purpose) = may_add(tx, caller, complaint_id, purpose).await?;
    let attachment_id = AttachmentId::new(Uuid::now_v7());
    Ok(PhotoSlot {
        complaint_id: c.id.into(),
        purpose,
        attachment_id,
        stored_path: format!("complaints/{}/{attachment_id}", c.id),
    })
}

/// Records the stored photo (asking [`photo_slot`]'s questions again: time passed while
/// it was uploaded), with a timeline entry; audited.
pub async fn add_attachment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: AddAttachment,
) -> Result<Seen> {
    let (c, purpose) = may_add(tx, caller, cmd.slot.complaint_id, Some(cmd.slot.purpose)).await?;
    let new = NewAttachment {
        id: cmd.slot.attachment_id.uuid(),
        purpose,
        content_type: cmd.content_type,
        size_bytes: cmd.size_bytes,
        sha256: cmd.sha256,
        file_name: clean_file_name(cmd.file_name.as_deref().unwrap_or("photo")),
        stored_path: cmd.slot.stored_path,
    };
    complaints::add_attachment(tx, &caller.audit, &c, &new).await?;
    visible(tx, caller, c.id.into()).await
}

/// Authorise (sight, then the standing the purpose needs) and validate (the purpose, an
/// open complaint).
async fn may_add(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    complaint_id: ComplaintId,
    purpose: Option<&str>,
) -> Result<(linli_persistence::complaints::Complaint, &'static str)> {
    let (c, st) = visible(tx, caller, complaint_id).await?;
    let purpose = attachment_purpose(purpose, st)?;
    may_attach(c.status())?;
    Ok((c, purpose))
}
