//! Possible duplicates and merging them.

use diesel::sql_types::{BigInt, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, complaint::Status};
use serde_json::json;

use super::{Complaint, add_event};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
};

/// Possible duplicates: same compound and category, filed within three days, still open.
pub async fn possible_duplicates(
    conn: &mut AsyncPgConnection,
    c: &Complaint,
) -> StoreResult<Vec<Complaint>> {
    Ok(crate::sql::query(concat!(
        complaint_select!(),
        " WHERE c.compound_id = $1 AND c.category_code = $2 AND c.id <> $3 AND c.duplicate_of IS NULL \
         AND c.status NOT IN ('rejected', 'closed') AND c.created_at BETWEEN $4 - interval '72 hours' AND $4 + interval '72 hours' \
         ORDER BY c.created_at LIMIT 20"
    ))
    .bind::<SqlUuid, _>(c.compound_id)
    .bind::<Text, _>(&c.category_code)
    .bind::<SqlUuid, _>(c.id)
    .bind::<Timestamptz, _>(c.created_at)
    .load(conn)
    .await?)
}

/// Merges `duplicate` into `into`: the duplicate is closed pointing at the one that
/// carries on; both timelines say so.
pub async fn merge(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    duplicate: &Complaint,
    into: &Complaint,
    expected_version: i64,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = crate::sql::query(
            "UPDATE complaints SET status = 'closed', closed_at = linli_now(), duplicate_of = $2, version = version + 1, \
             updated_at = linli_now() WHERE id = $1 AND version = $3",
        )
        .bind::<SqlUuid, _>(duplicate.id)
        .bind::<SqlUuid, _>(into.id)
        .bind::<BigInt, _>(expected_version)
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        let note = format!("合并至 {} / merged into {}", into.number, into.number);
        add_event(tx, ctx, duplicate.id, "merge", Some(duplicate.status()), Status::Closed, Some(&note)).await?;
        add_event(tx, ctx, into.id, "merged_in", Some(into.status()), into.status(), Some(&format!("合并 {} / merged {}", duplicate.number, duplicate.number))).await?;
        journal::record(tx, ctx, Entry {
            action: "complaint.status_changed",
            object_type: "complaint",
            object_id: duplicate.id.to_string(),
            area_path: Some(duplicate.area_path.clone()),
            before: Some(json!({"status": duplicate.status().as_str()}),),
            after: Some(json!({"status": "closed", "duplicate_of": into.id})),
            event_data: json!({"complaint_id": duplicate.id, "number": duplicate.number, "from": duplicate.status().as_str(), "to": "closed", "action": "merge", "duplicate_of": into.id}),
        })
        .await?;
        Ok(())
    })
    .await
}
