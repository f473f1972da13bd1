//! The append-only, hash-chained audit log.
//!
//! Every change to people, grants, keys, the registry (and later money and workflows) is
//! recorded in the same transaction as the change. Rows are chained: each stores the
//! previous row's hash and its own hash over the previous hash and the row's canonical
//! form, so altering any row — even by a superuser bypassing the append-only triggers —
//! is detected by [`verify`] at exactly that row.

use chrono::{DateTime, SubsecRound, Utc};
use diesel::{
    prelude::*,
    sql_types::{BigInt, Bytea},
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{error::StoreResult, schema::audit_log};

/// Lock key serialising appends to the chain (held until the writing transaction ends).
const CHAIN_LOCK: i64 = 4_301_110_003;
/// The `prev_hash` of the first row.
const GENESIS: [u8; 32] = [0; 32];

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
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
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

fn row_hash(row: &AuditRow) -> Vec<u8> {
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
    hasher.update(&row.prev_hash);
    hasher.update(text.as_bytes());
    hasher.finalize().to_vec()
}

#[derive(QueryableByName)]
struct NextId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(QueryableByName)]
struct LastHash {
    #[diesel(sql_type = Bytea)]
    hash: Vec<u8>,
}

/// Appends one entry. Call inside the transaction that makes the change.
pub async fn record(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    change: Change<'_>,
) -> StoreResult<i64> {
    diesel::sql_query(format!("SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
        .execute(conn)
        .await?;
    let last: Option<LastHash> =
        diesel::sql_query("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
            .get_result(conn)
            .await
            .optional()?;
    let next: NextId = diesel::sql_query("SELECT nextval('audit_log_id_seq') AS id")
        .get_result(conn)
        .await?;
    let mut row = AuditRow {
        id: next.id,
        // PostgreSQL keeps microseconds; hash what will be read back.
        occurred_at: Utc::now().trunc_subsecs(6),
        actor_kind: ctx.actor_kind.to_owned(),
        actor_id: ctx.actor_id,
        actor_name: ctx.actor_name.clone(),
        action: change.action.to_owned(),
        object_type: change.object_type.to_owned(),
        object_id: change.object_id,
        area_path: change.area_path,
        before: change.before,
        after: change.after,
        client_ip: ctx.client_ip.clone(),
        request_id: ctx.request_id.clone(),
        prev_hash: last.map(|l| l.hash).unwrap_or_else(|| GENESIS.to_vec()),
        hash: Vec::new(),
    };
    row.hash = row_hash(&row);
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(row.id),
            audit_log::occurred_at.eq(row.occurred_at),
            audit_log::actor_kind.eq(&row.actor_kind),
            audit_log::actor_id.eq(row.actor_id),
            audit_log::actor_name.eq(&row.actor_name),
            audit_log::action.eq(&row.action),
            audit_log::object_type.eq(&row.object_type),
            audit_log::object_id.eq(&row.object_id),
            audit_log::area_path.eq(&row.area_path),
            audit_log::before.eq(&row.before),
            audit_log::after.eq(&row.after),
            audit_log::client_ip.eq(&row.client_ip),
            audit_log::request_id.eq(&row.request_id),
            audit_log::prev_hash.eq(&row.prev_hash),
            audit_log::hash.eq(&row.hash),
        ))
        .execute(conn)
        .await?;
    Ok(row.id)
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

/// Recomputes the whole chain in id order, in batches.
pub async fn verify(conn: &mut AsyncPgConnection) -> StoreResult<Verification> {
    const BATCH: i64 = 1000;
    let mut checked = 0;
    let mut expected_prev = GENESIS.to_vec();
    let mut after_id = 0i64;
    loop {
        let rows: Vec<AuditRow> = audit_log::table
            .select(AuditRow::as_select())
            .filter(audit_log::id.gt(after_id))
            .order(audit_log::id.asc())
            .limit(BATCH)
            .load(conn)
            .await?;
        for row in &rows {
            checked += 1;
            if row.prev_hash != expected_prev || row_hash(row) != row.hash {
                return Ok(Verification {
                    checked,
                    first_broken_id: Some(row.id),
                });
            }
            expected_prev = row.hash.clone();
            after_id = row.id;
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
