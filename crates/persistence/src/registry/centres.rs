//! Neighbourhood centres (邻里中心).

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        Array, BigInt, Double, Integer, Jsonb, Nullable, Text, Timestamptz, Uuid as SqlUuid,
    },
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, registry::CentreDraft};
use serde_json::json;
use uuid::Uuid;

use super::Patterns;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::neighbourhood_centres as centres,
};

/// A centre with its community.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Centre {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub community_id: Uuid,
    #[diesel(sql_type = Text)]
    pub community_name: String,
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = Text)]
    pub name: String,
    #[diesel(sql_type = Text)]
    pub address: String,
    #[diesel(sql_type = Double)]
    pub lat: f64,
    #[diesel(sql_type = Double)]
    pub lon: f64,
    #[diesel(sql_type = Integer)]
    pub geofence_radius_m: i32,
    #[diesel(sql_type = Jsonb)]
    pub opening_hours: serde_json::Value,
    #[diesel(sql_type = Array<Nullable<Text>>)]
    pub services: Vec<Option<String>>,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

macro_rules! select {
    () => {
        "SELECT c.id, c.community_id, a.name AS community_name, a.path AS area_path, c.name, c.address, \
    c.lat, c.lon, c.geofence_radius_m, c.opening_hours, c.services, c.version, c.created_at \
    FROM neighbourhood_centres c JOIN areas a ON a.id = c.community_id"
    };
}

/// Centres in the scope (optionally in a subtree, or named like), by name.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    within: Option<String>,
    name: Option<String>,
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Centre>> {
    Ok(
        crate::sql::query(concat!(select!(), " WHERE a.path LIKE ANY($1)"))
            .bind::<Patterns, _>(patterns)
            .filter::<Text, _>(" AND a.path LIKE ", within.map(|p| format!("{p}%")))
            .filter::<Text, _>(
                " AND c.name ILIKE ",
                name.map(|n| format!("%{}%", crate::compounds::like_literal(&n))),
            )
            .after_name(" AND (c.name, c.id) > ", after)
            .sql(" ORDER BY c.name, c.id LIMIT ")
            .param::<BigInt, _>(limit)
            .load(conn)
            .await?,
    )
}

/// One centre if visible.
pub async fn find_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Centre> {
    crate::sql::one_in_sight::<Centre>(
        conn,
        concat!(select!(), " WHERE c.id = $2 AND a.path LIKE ANY($1)"),
        (patterns, id),
        "centre",
    )
    .await
}

fn audit_json(d: &CentreDraft) -> serde_json::Value {
    json!({
        "community_id": d.community_id, "name": d.name, "address": d.address,
        "location": {"lat": d.location.lat, "lon": d.location.lon}, "geofence_radius_m": d.geofence_radius_m,
        "opening_hours": d.opening_hours, "services": d.services,
    })
}

async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    id: Uuid,
    area_path: &str,
    before: Option<serde_json::Value>,
    after: &CentreDraft,
) -> StoreResult<()> {
    let a = audit_json(after);
    let changed = journal::changed_fields(before.as_ref(), &a);
    journal::record(tx, ctx, Entry {
        action,
        object_type: "centre",
        object_id: id.to_string(),
        area_path: Some(area_path.to_owned()),
        before,
        after: Some(a),
        event_data: json!({"centre_id": id, "community_id": after.community_id, "changed": changed}),
    })
    .await
}

fn values(
    d: &CentreDraft,
) -> (
    String,
    String,
    f64,
    f64,
    i32,
    serde_json::Value,
    Vec<Option<String>>,
) {
    (
        d.name.trim().to_owned(),
        d.address.clone(),
        d.location.lat,
        d.location.lon,
        d.geofence_radius_m,
        serde_json::to_value(&d.opening_hours).unwrap_or_default(),
        d.services.iter().cloned().map(Some).collect(),
    )
}

/// Creates a centre; audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &CentreDraft,
    area_path: &str,
    patterns: &[String],
) -> StoreResult<Centre> {
    let id = Uuid::now_v7();
    let (name, address, lat, lon, radius, hours, services) = values(draft);
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(centres::table)
            .values((
                centres::id.eq(id),
                centres::community_id.eq(draft.community_id),
                centres::name.eq(&name),
                centres::address.eq(&address),
                centres::lat.eq(lat),
                centres::lon.eq(lon),
                centres::geofence_radius_m.eq(radius),
                centres::opening_hours.eq(&hours),
                centres::services.eq(&services),
            ))
            .execute(tx)
            .await?;
        record(tx, ctx, "centre.created", id, area_path, None, draft).await?;
        find_visible(tx, patterns, id).await
    })
    .await
}

/// Replaces a centre's fields if still at `expected_version` (the community stays); audited.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Centre,
    draft: &CentreDraft,
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<Centre> {
    let (name, address, lat, lon, radius, hours, services) = values(draft);
    let before = json!({
        "community_id": current.community_id, "name": current.name, "address": current.address,
        "location": {"lat": current.lat, "lon": current.lon}, "geofence_radius_m": current.geofence_radius_m,
        "opening_hours": current.opening_hours, "services": current.services,
    });
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            centres::table
                .filter(centres::id.eq(current.id))
                .filter(centres::version.eq(expected_version)),
        )
        .set((
            centres::name.eq(&name),
            centres::address.eq(&address),
            centres::lat.eq(lat),
            centres::lon.eq(lon),
            centres::geofence_radius_m.eq(radius),
            centres::opening_hours.eq(&hours),
            centres::services.eq(&services),
            centres::version.eq(centres::version + 1),
            centres::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        record(
            tx,
            ctx,
            "centre.updated",
            current.id,
            &current.area_path,
            Some(before),
            draft,
        )
        .await?;
        find_visible(tx, patterns, current.id).await
    })
    .await
}
