//! Photos attached to complaints.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::{Complaint, add_event};
use crate::{StoreError, audit_log::AuditContext, error::StoreResult};

/// A stored photo's facts.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Attachment {
    pub id: Uuid,
    pub complaint_id: Uuid,
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    pub stored_path: String,
    pub uploader_name: String,
    pub created_at: DateTime<Utc>,
}

macro_rules! attachment_columns {
    () => {{
        use crate::schema::complaint_attachments as a;
        (
            a::id,
            a::complaint_id,
            a::purpose,
            a::content_type,
            a::size_bytes,
            a::file_name,
            a::stored_path,
            a::uploader_name,
            a::created_at,
        )
    }};
}

/// A photo to record (the file is already written).
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub id: Uuid,
    pub purpose: &'static str,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    pub file_name: String,
    pub stored_path: String,
}

/// Records a photo on a complaint, with a timeline entry; audited.
pub async fn add_attachment(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    c: &Complaint,
    new: &NewAttachment,
) -> StoreResult<()> {
    use crate::schema::complaint_attachments as a;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(a::table)
            .values((
                a::id.eq(new.id),
                a::complaint_id.eq(c.id),
                a::purpose.eq(new.purpose),
                a::content_type.eq(new.content_type),
                a::size_bytes.eq(new.size_bytes),
                a::sha256.eq(&new.sha256),
                a::file_name.eq(&new.file_name),
                a::stored_path.eq(&new.stored_path),
                a::uploaded_by.eq(ctx.actor_id),
                a::uploader_name.eq(&ctx.actor_name),
            ))
            .execute(tx)
            .await?;
        add_event(tx, ctx, c.id, "attach", Some(c.status()), c.status(), Some(&format!("上传照片 {} / photo added", new.file_name))).await?;
        crate::audit_log::record(tx, ctx, crate::audit_log::Change {
            action: "complaint.attachment_added",
            object_type: "complaint",
            object_id: c.id.to_string(),
            area_path: Some(c.area_path.clone()),
            before: None,
            after: Some(json!({"attachment_id": new.id, "purpose": new.purpose, "content_type": new.content_type, "size_bytes": new.size_bytes})),
        })
        .await?;
        Ok(())
    })
    .await
}

/// A complaint's photos, oldest first.
pub async fn attachments_of(
    conn: &mut AsyncPgConnection,
    complaint_id: Uuid,
) -> StoreResult<Vec<Attachment>> {
    use crate::schema::complaint_attachments as a;
    Ok(a::table
        .filter(a::complaint_id.eq(complaint_id))
        .select(attachment_columns!())
        .order(a::created_at.asc())
        .load(conn)
        .await?)
}

/// One photo of a complaint.
pub async fn attachment(
    conn: &mut AsyncPgConnection,
    complaint_id: Uuid,
    id: Uuid,
) -> StoreResult<Option<Attachment>> {
    use crate::schema::complaint_attachments as a;
    Ok(a::table
        .filter(a::complaint_id.eq(complaint_id))
        .filter(a::id.eq(id))
        .select(attachment_columns!())
        .first(conn)
        .await
        .optional()?)
}
