//! Compounds: an area node of kind `compound` plus its register entry.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{
        Array, BigInt, Bool, Double, Integer, Nullable, Text, Timestamptz, Uuid as SqlUuid,
    },
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    area::{AreaKind, AreaPath, NewArea},
    compound::{CompoundDraft, GovernanceMode},
    geo::GeoPoint,
    policy::Scope,
};
use uuid::Uuid;

use crate::{
    StoreError,
    areas::{self, Area, scope_patterns},
    audit_log::AuditContext,
    error::StoreResult,
    journal,
    schema::{areas as areas_t, compounds},
};

/// A compound with the names of the community and subdistrict above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Compound {
    pub id: Uuid,
    pub community_id: Uuid,
    pub community_name: String,
    pub subdistrict_id: Uuid,
    pub subdistrict_name: String,
    pub name: String,
    pub address: String,
    pub location: Option<GeoPoint>,
    pub year_built: Option<i32>,
    pub building_count: i32,
    pub household_count: i32,
    pub is_open: bool,
    pub governance_mode: GovernanceMode,
    pub path: AreaPath,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct CompoundRow {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    community_id: Uuid,
    #[diesel(sql_type = Text)]
    community_name: String,
    #[diesel(sql_type = SqlUuid)]
    subdistrict_id: Uuid,
    #[diesel(sql_type = Text)]
    subdistrict_name: String,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    address: String,
    #[diesel(sql_type = Nullable<Double>)]
    lat: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    lon: Option<f64>,
    #[diesel(sql_type = Nullable<Integer>)]
    year_built: Option<i32>,
    #[diesel(sql_type = Integer)]
    building_count: i32,
    #[diesel(sql_type = Integer)]
    household_count: i32,
    #[diesel(sql_type = Bool)]
    is_open: bool,
    #[diesel(sql_type = Text)]
    governance_mode: crate::error::Code<GovernanceMode>,
    #[diesel(sql_type = Text)]
    path: String,
    #[diesel(sql_type = BigInt)]
    version: i64,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    updated_at: DateTime<Utc>,
}

impl From<CompoundRow> for Compound {
    fn from(r: CompoundRow) -> Self {
        Compound {
            id: r.id,
            community_id: r.community_id,
            community_name: r.community_name,
            subdistrict_id: r.subdistrict_id,
            subdistrict_name: r.subdistrict_name,
            name: r.name,
            address: r.address,
            location: r.lat.zip(r.lon).map(|(lat, lon)| GeoPoint { lat, lon }),
            year_built: r.year_built,
            building_count: r.building_count,
            household_count: r.household_count,
            is_open: r.is_open,
            governance_mode: r.governance_mode.0,
            path: AreaPath::from_stored(r.path),
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

macro_rules! compound_select {
    () => {
        "SELECT c.id, cm.id AS community_id, cm.name AS community_name, \
         sd.id AS subdistrict_id, sd.name AS subdistrict_name, a.name, c.address, c.lat, c.lon, \
         c.year_built, c.building_count, c.household_count, c.is_open, c.governance_mode, a.path, \
         a.version, a.created_at, a.updated_at \
         FROM compounds c JOIN areas a ON a.id = c.id \
         JOIN areas cm ON cm.id = a.parent_id JOIN areas sd ON sd.id = cm.parent_id"
    };
}

/// Filters of the compound list; every field narrows.
#[derive(Debug, Clone, Default)]
pub struct CompoundFilter {
    /// Only compounds inside this area's subtree (already checked to be in scope).
    pub within: Option<AreaPath>,
    pub governance_mode: Option<GovernanceMode>,
    /// Case-insensitive substring of the name.
    pub name_contains: Option<String>,
}

/// Escapes `%`, `_` and `\` so user text matches literally inside `LIKE`.
pub fn like_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// One keyset page of compounds inside `scope`, ordered by name then id.
pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    filter: &CompoundFilter,
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Compound>> {
    let mut q = crate::sql::query(concat!(compound_select!(), " WHERE a.path LIKE ANY($1)"))
        .bind::<Array<Text>, _>(scope_patterns(scope));
    if let Some(within) = &filter.within {
        q = q
            .sql(" AND a.path LIKE ")
            .param::<Text, _>(format!("{}%", within.as_str()));
    }
    if let Some(mode) = filter.governance_mode {
        q = q
            .sql(" AND c.governance_mode = ")
            .param::<Text, _>(mode.as_str());
    }
    if let Some(name) = &filter.name_contains {
        q = q
            .sql(" AND a.name ILIKE ")
            .param::<Text, _>(format!("%{}%", like_literal(name)));
    }
    if let Some((name, id)) = after {
        q = q
            .sql(" AND (a.name, a.id) > (")
            .param::<Text, _>(name.clone())
            .sql(", ")
            .param::<SqlUuid, _>(*id)
            .sql(")");
    }
    let rows: Vec<CompoundRow> = q
        .sql(" ORDER BY a.name, a.id LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(Compound::from).collect())
}

/// Loads one compound whatever the scope (callers check it).
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<Compound>> {
    let rows: Vec<CompoundRow> = crate::sql::query(concat!(compound_select!(), " WHERE c.id = $1"))
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    Ok(rows.into_iter().next().map(Compound::from))
}

/// Loads one compound if it lies inside `scope`; `NotFound` otherwise.
pub async fn find_in_scope(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    scope: &Scope,
) -> StoreResult<Compound> {
    match find(conn, id).await? {
        Some(c) if scope.covers(&c.path) => Ok(c),
        _ => Err(DomainError::NotFound("compound").into()),
    }
}

/// The register columns of a compound, written on create and update alike.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = compounds, treat_none_as_null = true)]
struct RegisterEntry {
    address: String,
    lat: Option<f64>,
    lon: Option<f64>,
    year_built: Option<i32>,
    building_count: i32,
    household_count: i32,
    is_open: bool,
    governance_mode: &'static str,
}

fn register_values(draft: &CompoundDraft) -> RegisterEntry {
    RegisterEntry {
        address: draft.address.clone(),
        lat: draft.location.map(|p| p.lat),
        lon: draft.location.map(|p| p.lon),
        year_built: draft.year_built,
        building_count: draft.building_count,
        household_count: draft.household_count,
        is_open: draft.is_open,
        governance_mode: draft.governance_mode.as_str(),
    }
}

/// The audit form of a compound.
fn audit_json(c: &Compound) -> serde_json::Value {
    serde_json::json!({
        "community_id": c.community_id, "name": c.name, "address": c.address,
        "location": c.location.map(|p| serde_json::json!({"lat": p.lat, "lon": p.lon})),
        "year_built": c.year_built, "building_count": c.building_count,
        "household_count": c.household_count, "is_open": c.is_open,
        "governance_mode": c.governance_mode.as_str(),
    })
}

/// Audits the change and announces it, in the caller's transaction.
async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    before: Option<&Compound>,
    after: &Compound,
) -> StoreResult<()> {
    let (before_json, after_json) = (before.map(audit_json), audit_json(after));
    let changed = journal::changed_fields(before_json.as_ref(), &after_json);
    journal::record(
        tx,
        ctx,
        journal::Entry {
            action,
            object_type: "compound",
            object_id: after.id.to_string(),
            area_path: Some(after.path.as_str().to_owned()),
            before: before_json,
            after: Some(after_json),
            event_data: serde_json::json!({
                "compound_id": after.id,
                "community_id": after.community_id,
                "governance_mode": after.governance_mode.as_str(),
                "changed": changed,
            }),
        },
    )
    .await
}

/// Registers a compound under `community` (already checked by the caller to be in
/// scope); audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    community: &Area,
    draft: &CompoundDraft,
) -> StoreResult<Compound> {
    if community.kind != AreaKind::Community {
        return Err(DomainError::field(
            "community_id",
            "所选区域不是社区 / the chosen area is not a community",
        )
        .into());
    }
    conn.transaction::<_, StoreError, _>(async |tx| {
        let area = areas::insert_node(
            tx,
            &NewArea {
                parent_id: Some(community.id.into()),
                kind: AreaKind::Compound,
                name: draft.name.clone(),
                code: None,
            },
            Some(community),
        )
        .await?;
        diesel::insert_into(compounds::table)
            .values((compounds::id.eq(area.id), register_values(draft)))
            .execute(tx)
            .await?;
        let created = find(tx, area.id)
            .await?
            .ok_or(StoreError::Domain(DomainError::NotFound("compound")))?;
        record(tx, ctx, "compound.created", None, &created).await?;
        Ok(created)
    })
    .await
}

/// Replaces a compound's register entry if it is still at `expected_version`.
/// The community cannot change here: moving a compound moves every record under it.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Compound,
    draft: &CompoundDraft,
    expected_version: i64,
) -> StoreResult<Compound> {
    if draft.community_id != current.community_id.into() {
        return Err(DomainError::field(
            "community_id",
            "小区不能改换所属社区 / a compound cannot move to another community",
        )
        .into());
    }
    let id = current.id;
    conn.transaction::<_, StoreError, _>(async |tx| {
        let bumped = diesel::update(
            areas_t::table
                .filter(areas_t::id.eq(id))
                .filter(areas_t::version.eq(expected_version)),
        )
        .set((
            areas_t::name.eq(draft.name.clone()),
            areas_t::version.eq(areas_t::version + 1),
            areas_t::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if bumped == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        diesel::update(compounds::table.find(id))
            .set(register_values(draft))
            .execute(tx)
            .await?;
        let updated = find(tx, id)
            .await?
            .ok_or(StoreError::Domain(DomainError::NotFound("compound")))?;
        record(tx, ctx, "compound.updated", Some(current), &updated).await?;
        Ok(updated)
    })
    .await
}
