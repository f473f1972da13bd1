//! The append-only, hash-chained audit log.
//!
//! Every change to people, grants, keys, the registry, money and workflows is recorded in
//! the same transaction as the change. Rows are chained: each stores the previous row's
//! hash and its own hash over the previous hash and the row's canonical form, so altering
//! any row — even by a superuser bypassing the append-only triggers — is detected by
//! [`verify`] at exactly that row.
//!
//! A change inserts its row unsealed and does not wait for the chain: [`seal`] (run by the
//! server about every second, and by every [`verify`]) chains committed rows afterwards,
//! in id order, under one lock. Holding a chain-wide lock inside every writing transaction
//! until its commit made all audited writes of the district queue behind each other. An
//! unsealed row's content is as fixed as a sealed one's (the append-only trigger allows
//! only the sealing update, once, with every other column unchanged).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Bytea},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{
    error::{StoreError, StoreResult},
    schema::audit_log,
};

/// Lock key serialising the sealer (held until its transaction ends).
const CHAIN_LOCK: i64 = 4_301_110_003;
/// The `prev_hash` of the first row.
const GENESIS: [u8; 32] = [0; 32];
/// Rows sealed per round trip.
const SEAL_BATCH: i64 = 2000;

/// Who acted, and from where; built once per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditContext {
    /// `user`, `api_key` or `system`.
    pub actor_kind: &'static str,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
}

impl AuditContext {
    /// The context of work the system does on its own (seeding, sweepers).
    pub fn system(name: &str) -> Self {
        AuditContext {
            actor_kind: "system",
            actor_id: None,
            actor_name: name.to_owned(),
            client_ip: None,
            request_id: None,
        }
    }

    /// The acting person's user id (none for API keys and the system).
    pub fn user_id(&self) -> Option<Uuid> {
        self.actor_id.filter(|_| self.actor_kind == "user")
    }
}

/// One change, as the caller describes it.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// What happened, `<object>.<verb>` (e.g. `compound.updated`).
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: String,
    /// Where the object lies, so the log can be scoped by area.
    pub area_path: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// A stored audit row.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = audit_log, check_for_backend(diesel::pg::Pg))]
pub struct AuditRow {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub area_path: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub client_ip: Option<String>,
    pub request_id: Option<String>,
    /// None until the row is sealed.
    pub prev_hash: Option<Vec<u8>>,
    /// None until the row is sealed.
    pub hash: Option<Vec<u8>>,
}

/// Serialises JSON with object keys sorted at every level, so the same value always
/// hashes the same whatever order PostgreSQL's `jsonb` returns keys in.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(*k) {
                    canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(v, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The hash of `row` chained after `prev_hash`.
fn row_hash(row: &AuditRow, prev_hash: &[u8]) -> Vec<u8> {
    let form = serde_json::json!({
        "id": row.id,
        "occurred_at": row.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        "actor_kind": row.actor_kind,
        "actor_id": row.actor_id,
        "actor_name": row.actor_name,
        "action": row.action,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "area_path": row.area_path,
        "before": row.before,
        "after": row.after,
        "client_ip": row.client_ip,
        "request_id": row.request_id,
    });
    let mut text = String::new();
    canonical(&form, &mut text);
    let mut hasher = Sha256::new();
    hasher.update(prev_hash);
    hasher.update(text.as_bytes());
    hasher.finalize().to_vec()
}

/// Appends one entry, unsealed. Call inside the transaction that makes the change.
pub async fn record(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    change: Change<'_>,
) -> StoreResult<i64> {
    Ok(diesel::insert_into(audit_log::table)
        .values((
            // The transaction's time by the server's clock; the sealer hashes what it reads back.
            audit_log::occurred_at.eq(crate::clock::linli_now()),
            audit_log::actor_kind.eq(ctx.actor_kind),
            audit_log::actor_id.eq(ctx.actor_id),
            audit_log::actor_name.eq(&ctx.actor_name),
            audit_log::action.eq(change.action),
            audit_log::object_type.eq(change.object_type),
            audit_log::object_id.eq(&change.object_id),
            audit_log::area_path.eq(&change.area_path),
            audit_log::before.eq(&change.before),
            audit_log::after.eq(&change.after),
            audit_log::client_ip.eq(&ctx.client_ip),
            audit_log::request_id.eq(&ctx.request_id),
        ))
        .returning(audit_log::id)
        .get_result(conn)
        .await?)
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    locked: bool,
}

/// Chains every committed unsealed row, oldest id first, and returns how many it sealed
/// (0 when another sealer holds the chain: that one does the work).
pub async fn seal(conn: &mut AsyncPgConnection) -> StoreResult<usize> {
    let mut sealed = 0;
    loop {
        let n = conn
            .transaction::<_, StoreError, _>(async |tx| {
                let lock: Locked =
                    crate::sql::query("SELECT pg_try_advisory_xact_lock($1) AS locked")
                        .bind::<BigInt, _>(CHAIN_LOCK)
                        .get_result(tx)
                        .await?;
                if !lock.locked {
                    return Ok(0);
                }
                seal_batch(tx).await
            })
            .await?;
        sealed += n;
        if (n as i64) < SEAL_BATCH {
            return Ok(sealed);
        }
    }
}

async fn seal_batch(tx: &mut AsyncPgConnection) -> StoreResult<usize> {
    // Every second on an idle server this is the only query: nothing waits to be sealed.
    let rows: Vec<AuditRow> = audit_log::table
        .select(AuditRow::as_select())
        .filter(audit_log::chain_seq.is_null())
        .order(audit_log::id.asc())
        .limit(SEAL_BATCH)
        .load(tx)
        .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let last: Option<(Option<i64>, Option<Vec<u8>>)> = audit_log::table
        .filter(audit_log::chain_seq.is_not_null())
        .order(audit_log::chain_seq.desc())
        .select((audit_log::chain_seq, audit_log::hash))
        .first(tx)
        .await
        .optional()?;
    let (mut seq, mut prev) = match last {
        Some((Some(seq), Some(hash))) => (seq, hash),
        _ => (0, GENESIS.to_vec()),
    };
    let (mut ids, mut seqs, mut prevs, mut hashes) = (
        Vec::with_capacity(rows.len()),
        Vec::with_capacity(rows.len()),
        Vec::with_capacity(rows.len()),
        Vec::with_capacity(rows.len()),
    );
    for row in &rows {
        let hash = row_hash(row, &prev);
        seq += 1;
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(std::mem::replace(&mut prev, hash.clone()));
        hashes.push(hash);
    }
    crate::sql::query(
        "UPDATE audit_log a SET chain_seq = s.seq, prev_hash = s.prev, hash = s.hash \
         FROM unnest($1, $2, $3, $4) AS s(id, seq, prev, hash) WHERE a.id = s.id",
    )
    .bind::<Array<BigInt>, _>(&ids)
    .bind::<Array<BigInt>, _>(&seqs)
    .bind::<Array<Bytea>, _>(&prevs)
    .bind::<Array<Bytea>, _>(&hashes)
    .execute(tx)
    .await?;
    Ok(rows.len())
}

/// Filters of the audit log list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    /// Only entries about objects in this subtree (prefix of `area_path`), or about no area.
    pub within: Option<Vec<String>>,
    /// Keyset position: entries with a smaller id than this (newest first).
    pub before_id: Option<i64>,
    pub limit: i64,
}

/// Entries newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &AuditFilter,
) -> StoreResult<Vec<AuditRow>> {
    let mut query = audit_log::table.select(AuditRow::as_select()).into_boxed();
    if let Some(t) = &filter.object_type {
        query = query.filter(audit_log::object_type.eq(t.clone()));
    }
    if let Some(id) = &filter.object_id {
        query = query.filter(audit_log::object_id.eq(id.clone()));
    }
    if let Some(actor) = filter.actor_id {
        query = query.filter(audit_log::actor_id.eq(actor));
    }
    if let Some(action) = &filter.action {
        query = query.filter(audit_log::action.eq(action.clone()));
    }
    if let Some(patterns) = &filter.within {
        query = query.filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>(
                "(area_path IS NULL OR area_path LIKE ANY(",
            )
            .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(patterns.clone())
            .sql("))"),
        );
    }
    if let Some(before) = filter.before_id {
        query = query.filter(audit_log::id.lt(before));
    }
    Ok(query
        .order(audit_log::id.desc())
        .limit(filter.limit)
        .load(conn)
        .await?)
}

/// The outcome of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    /// Rows checked.
    pub checked: i64,
    /// The first row whose stored hashes do not match its content or predecessor.
    pub first_broken_id: Option<i64>,
}

/// Seals what is committed, then recomputes the whole chain in chain order, in batches.
pub async fn verify(conn: &mut AsyncPgConnection) -> StoreResult<Verification> {
    const BATCH: i64 = 1000;
    // Everything committed so far is checked, so seal it first.
    seal(conn).await?;
    let mut checked = 0;
    let mut expected_prev = GENESIS.to_vec();
    let mut after_seq = 0i64;
    loop {
        let rows: Vec<(i64, AuditRow)> = audit_log::table
            .select((
                audit_log::chain_seq.assume_not_null(),
                AuditRow::as_select(),
            ))
            .filter(audit_log::chain_seq.gt(after_seq))
            .order(audit_log::chain_seq.asc())
            .limit(BATCH)
            .load(conn)
            .await?;
        for (seq, row) in &rows {
            checked += 1;
            let intact = row.prev_hash.as_deref() == Some(expected_prev.as_slice())
                && row.hash.as_deref() == Some(row_hash(row, &expected_prev).as_slice());
            if !intact {
                return Ok(Verification {
                    checked,
                    first_broken_id: Some(row.id),
                });
            }
            expected_prev = row.hash.clone().unwrap_or_default();
            after_seq = *seq;
        }
        if (rows.len() as i64) < BATCH {
            return Ok(Verification {
                checked,
                first_broken_id: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_ignores_key_order() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,{"q":2,"p":1}],"x":null}}"#)
            .unwrap_or_default();
        let b: Value = serde_json::from_str(r#"{"a":{"x":null,"y":[1,{"p":1,"q":2}]},"b":1}"#)
            .unwrap_or_default();
        let (mut ca, mut cb) = (String::new(), String::new());
        canonical(&a, &mut ca);
        canonical(&b, &mut cb);
        assert_eq!(ca, cb);
        assert_eq!(ca, r#"{"a":{"x":null,"y":[1,{"p":1,"q":2}]},"b":1}"#);
    }
}
