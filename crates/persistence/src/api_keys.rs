//! API keys of government systems.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, area::AreaPath, policy::ApiScope};
use serde_json::json;
use uuid::Uuid;

use crate::{
    StoreError,
    audit_log::{self, AuditContext, Change},
    error::StoreResult,
    schema::{api_keys, areas},
};

/// A key as listed (never with its secret).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<ApiScope>,
    pub area_id: Uuid,
    pub area_name: String,
    pub area_path: AreaPath,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

type KeyRow = (
    (Uuid, String, String, Vec<Option<String>>, Uuid, Uuid),
    (DateTime<Utc>, Option<DateTime<Utc>>, Option<DateTime<Utc>>),
    (String, String),
);

fn from_row(
    (
        (id, name, prefix, scopes, area_id, created_by),
        (created_at, last_used_at, revoked_at),
        (area_name, path),
    ): KeyRow,
) -> StoreResult<ApiKey> {
    Ok(ApiKey {
        id,
        name,
        prefix,
        scopes: scopes
            .iter()
            .flatten()
            .map(|s| crate::stored(s, ApiScope::parse, "api_keys.scopes"))
            .collect::<StoreResult<_>>()?,
        area_id,
        area_name,
        area_path: AreaPath::from_stored(path),
        created_by,
        created_at,
        last_used_at,
        revoked_at,
    })
}

macro_rules! key_columns {
    () => {
        (
            (
                api_keys::id,
                api_keys::name,
                api_keys::prefix,
                api_keys::scopes,
                api_keys::area_id,
                api_keys::created_by,
            ),
            (
                api_keys::created_at,
                api_keys::last_used_at,
                api_keys::revoked_at,
            ),
            (areas::name, areas::path),
        )
    };
}

/// The digest stored for a key, and the prefix to find it by.
#[derive(Debug, Clone)]
pub struct NewKey {
    pub name: String,
    pub prefix: String,
    pub digest: Vec<u8>,
    pub scopes: Vec<ApiScope>,
    pub area_id: Uuid,
    pub area_path: AreaPath,
}

/// Stores a new key (audited).
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    key: &NewKey,
) -> StoreResult<ApiKey> {
    let id = Uuid::now_v7();
    let creator = ctx.actor_id.ok_or(DomainError::Forbidden)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(api_keys::table)
            .values((
                api_keys::id.eq(id),
                api_keys::name.eq(&key.name),
                api_keys::prefix.eq(&key.prefix),
                api_keys::key_hash.eq(&key.digest),
                api_keys::scopes.eq(key
                    .scopes
                    .iter()
                    .map(|s| s.as_str().to_owned())
                    .collect::<Vec<_>>()),
                api_keys::area_id.eq(key.area_id),
                api_keys::created_by.eq(creator),
            ))
            .execute(tx)
            .await?;
        audit_log::record(
            tx,
            ctx,
            Change {
                action: "api_key.created",
                object_type: "api_key",
                object_id: id.to_string(),
                area_path: Some(key.area_path.as_str().to_owned()),
                before: None,
                after: Some(json!({
                    "name": key.name, "prefix": key.prefix, "area_id": key.area_id,
                    "scopes": key.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                })),
            },
        )
        .await?;
        Ok(())
    })
    .await?;
    find(conn, id)
        .await?
        .ok_or(StoreError::Domain(DomainError::NotFound("api key")))
}

/// A key by id.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<ApiKey>> {
    let row: Option<KeyRow> = api_keys::table
        .inner_join(areas::table)
        .filter(api_keys::id.eq(id))
        .select(key_columns!())
        .first(conn)
        .await
        .optional()?;
    row.map(from_row).transpose()
}

/// Keys whose area lies in one of the `patterns` (LIKE prefixes), newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    limit: i64,
    before: Option<Uuid>,
) -> StoreResult<Vec<ApiKey>> {
    let mut query = api_keys::table
        .inner_join(areas::table)
        .select(key_columns!())
        .filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("areas.path LIKE ANY(")
                .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(patterns.to_vec())
                .sql(")"),
        )
        .into_boxed();
    if let Some(before) = before {
        query = query.filter(api_keys::id.lt(before));
    }
    let rows: Vec<KeyRow> = query
        .order(api_keys::id.desc())
        .limit(limit)
        .load(conn)
        .await?;
    rows.into_iter().map(from_row).collect()
}

/// The live key with this prefix and its stored digest, for authentication.
pub async fn find_live_by_prefix(
    conn: &mut AsyncPgConnection,
    prefix: &str,
) -> StoreResult<Option<(ApiKey, Vec<u8>)>> {
    let row: Option<(KeyRow, Vec<u8>)> = api_keys::table
        .inner_join(areas::table)
        .filter(api_keys::prefix.eq(prefix))
        .filter(api_keys::revoked_at.is_null())
        .select((key_columns!(), api_keys::key_hash))
        .first(conn)
        .await
        .optional()?;
    row.map(|(r, digest)| Ok((from_row(r)?, digest)))
        .transpose()
}

/// Notes that a key was used (at most once a minute, to spare writes).
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<()> {
    crate::sql::query(
        "UPDATE api_keys SET last_used_at = linli_now() WHERE id = $1 \
         AND (last_used_at IS NULL OR last_used_at < linli_now() - interval '1 minute')",
    )
    .bind::<diesel::sql_types::Uuid, _>(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Revokes a key (audited); the next request with it fails.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    key: &ApiKey,
) -> StoreResult<()> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            api_keys::table
                .filter(api_keys::id.eq(key.id))
                .filter(api_keys::revoked_at.is_null()),
        )
        .set(api_keys::revoked_at.eq(crate::clock::linli_now().nullable()))
        .execute(tx)
        .await?;
        if changed > 0 {
            // Subscriptions the key made stop with it.
            crate::sql::query(
                "UPDATE webhook_subscriptions SET active = false, \
                 disabled_reason = 'owner API key revoked', updated_at = linli_now() \
                 WHERE owner_kind = 'api_key' AND owner_id = $1 AND active",
            )
            .bind::<diesel::sql_types::Uuid, _>(key.id)
            .execute(tx)
            .await?;
            audit_log::record(
                tx,
                ctx,
                Change {
                    action: "api_key.revoked",
                    object_type: "api_key",
                    object_id: key.id.to_string(),
                    area_path: Some(key.area_path.as_str().to_owned()),
                    before: Some(json!({"revoked": false})),
                    after: Some(json!({"revoked": true})),
                },
            )
            .await?;
        }
        Ok(())
    })
    .await
}
