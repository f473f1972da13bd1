//! Cash journal imports.

use chrono::{DateTime, Utc};
use diesel::{prelude::*, sql_types::Text};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::public_revenue::CashRow;
use serde_json::json;
use uuid::Uuid;

use super::{NewEntry, entries::insert_entries, ledger_refusal};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::ledger_imports,
};

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    pub import_id: Uuid,
    pub entries: usize,
    pub rows: usize,
    /// The same file had been imported before; nothing new was posted.
    pub replayed: bool,
    pub created_at: DateTime<Utc>,
}

/// The import of the same file into the same compound, if there was one.
pub async fn previous_import(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    sha256: &[u8],
) -> StoreResult<Option<ImportOutcome>> {
    let existing: Option<(Uuid, i32, i32, DateTime<Utc>)> = ledger_imports::table
        .filter(ledger_imports::compound_id.eq(compound_id))
        .filter(ledger_imports::sha256.eq(sha256))
        .select((
            ledger_imports::id,
            ledger_imports::entry_count,
            ledger_imports::row_count,
            ledger_imports::created_at,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(
        existing.map(|(import_id, entries, rows, created_at)| ImportOutcome {
            import_id,
            entries: usize::try_from(entries).unwrap_or_default(),
            rows: usize::try_from(rows).unwrap_or_default(),
            replayed: true,
            created_at,
        }),
    )
}

/// The file being imported: its name and SHA-256.
#[derive(Debug, Clone)]
pub struct ImportFile {
    pub name: String,
    pub sha256: Vec<u8>,
}

/// Posts a validated cash journal as one transaction: every row or none. The file's hash
/// makes a re-upload of the same file a no-op that answers with the first import.
/// `progress` hears how many entries have been written so far.
pub async fn import(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    compound_id: Uuid,
    area_path: &str,
    file: &ImportFile,
    rows: &[CashRow],
    progress: &mut (dyn FnMut(usize) + Send),
) -> StoreResult<ImportOutcome> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        // Two uploads of the same file at once: the second waits here and then replays.
        crate::sql::query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 4301110008))")
            .bind::<Text, _>(compound_id.to_string())
            .execute(tx)
            .await?;
        let (file_name, sha256) = (file.name.as_str(), file.sha256.as_slice());
        if let Some(previous) = previous_import(tx, compound_id, sha256).await? {
            return Ok(previous);
        }
        let import_id = Uuid::now_v7();
        let count = i32::try_from(rows.len()).unwrap_or(i32::MAX);
        let created_at: DateTime<Utc> = diesel::insert_into(ledger_imports::table)
            .values((
                ledger_imports::id.eq(import_id),
                ledger_imports::compound_id.eq(compound_id),
                ledger_imports::sha256.eq(sha256),
                ledger_imports::file_name.eq(file_name),
                ledger_imports::row_count.eq(count),
                ledger_imports::entry_count.eq(count),
                ledger_imports::imported_by.eq(ctx.user_id()),
            ))
            .returning(ledger_imports::created_at)
            .get_result(tx)
            .await?;
        let mut written = 0;
        for chunk in rows.chunks(5_000) {
            let entries: Vec<NewEntry> = chunk
                .iter()
                .map(|r| NewEntry {
                    compound_id,
                    entry_date: r.date,
                    memo: r.memo.clone(),
                    voucher_no: r.voucher_no.clone(),
                    lines: r.lines.to_vec(),
                    reverses: None,
                })
                .collect();
            insert_entries(tx, &entries, "import", Some(import_id), ctx.user_id()).await?;
            written += chunk.len();
            progress(written);
        }
        let income: i64 = rows
            .iter()
            .map(|r| r.lines[0].debit_fen)
            .sum();
        let data = json!({"compound_id": compound_id, "file_name": file_name, "entries": rows.len(),
            "amount_fen": income, "first_date": rows.iter().map(|r| r.date).min(), "last_date": rows.iter().map(|r| r.date).max()});
        journal::record(
            tx,
            ctx,
            Entry {
                action: "ledger_import.posted",
                object_type: "ledger_import",
                object_id: import_id.to_string(),
                area_path: Some(area_path.to_owned()),
                before: None,
                after: Some(data.clone()),
                event_data: data,
            },
        )
        .await?;
        Ok(ImportOutcome {
            import_id,
            entries: rows.len(),
            rows: rows.len(),
            replayed: false,
            created_at,
        })
    })
    .await
    .map_err(ledger_refusal)
}
