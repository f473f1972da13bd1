//! Vouchers (凭证) attached to entries.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::EntryRow;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// A voucher (凭证) scanned and attached to an entry.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Voucher {
    pub id: Uuid,
    pub entry_id: Uuid,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    pub stored_path: String,
    pub created_at: DateTime<Utc>,
}

/// The vouchers of an entry.
pub async fn vouchers(conn: &mut AsyncPgConnection, entry_id: Uuid) -> StoreResult<Vec<Voucher>> {
    use crate::schema::ledger_vouchers as v;
    Ok(v::table
        .filter(v::entry_id.eq(entry_id))
        .select((
            v::id,
            v::entry_id,
            v::content_type,
            v::size_bytes,
            v::file_name,
            v::stored_path,
            v::created_at,
        ))
        .order(v::created_at.asc())
        .load(conn)
        .await?)
}

/// A stored voucher file to record.
#[derive(Debug, Clone)]
pub struct NewVoucher {
    pub id: Uuid,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    pub file_name: String,
    pub stored_path: String,
}

/// Records a voucher on an entry, audited.
pub async fn add_voucher(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    entry: &EntryRow,
    area_path: &str,
    new: &NewVoucher,
) -> StoreResult<()> {
    use crate::schema::ledger_vouchers as v;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(v::table)
            .values((
                v::id.eq(new.id),
                v::entry_id.eq(entry.id),
                v::content_type.eq(new.content_type),
                v::size_bytes.eq(new.size_bytes),
                v::sha256.eq(&new.sha256),
                v::file_name.eq(&new.file_name),
                v::stored_path.eq(&new.stored_path),
                v::uploaded_by.eq(ctx.user_id()),
            ))
            .execute(tx)
            .await?;
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_voucher.attached",
                object_type: "ledger_entry",
                object_id: entry.id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(json!({"voucher_id": new.id, "file_name": new.file_name,
                    "size_bytes": new.size_bytes, "content_type": new.content_type})),
                event_data: json!({"voucher_id": new.id, "compound_id": entry.compound_id}),
            },
        )
        .await
    })
    .await
}
