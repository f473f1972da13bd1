//! The area tree.

use chrono::{DateTime, Utc};
use diesel::{
    dsl::sql,
    prelude::*,
    sql_types::{Array, Bool, Text},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    area::{AreaChanges, AreaKind, AreaPath, NewArea},
    policy::Scope,
};
use uuid::Uuid;

use crate::{StoreError, audit_log::AuditContext, error::StoreResult, journal, schema::areas};

/// An area node as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: AreaKind,
    pub name: String,
    pub code: Option<String>,
    pub path: AreaPath,
    pub depth: i32,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = areas, check_for_backend(diesel::pg::Pg))]
struct AreaRow {
    id: Uuid,
    parent_id: Option<Uuid>,
    kind: crate::error::Code<AreaKind>,
    name: String,
    code: Option<String>,
    path: String,
    depth: i32,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<AreaRow> for Area {
    fn from(r: AreaRow) -> Self {
        Area {
            id: r.id,
            parent_id: r.parent_id,
            kind: r.kind.0,
            name: r.name,
            code: r.code,
            path: AreaPath::from_stored(r.path),
            depth: r.depth,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// The first subtree root of scope patterns, as a stored path: where the audit log files a
/// change whose object has no area of its own (a person's bank account, a team member).
pub fn first_root(patterns: &[String]) -> String {
    patterns
        .first()
        .map(|p| p.trim_end_matches('%').to_owned())
        .unwrap_or_default()
}

/// The paths of the scope's subtree roots, as stored.
pub fn scope_roots(scope: &Scope) -> Vec<String> {
    scope
        .roots()
        .iter()
        .map(|r| r.as_str().to_owned())
        .collect()
}

/// `LIKE` patterns matching every path inside the scope.
pub fn scope_patterns(scope: &Scope) -> Vec<String> {
    scope
        .roots()
        .iter()
        .map(|r| format!("{}%", r.as_str()))
        .collect()
}

/// A SQL condition "`column` lies inside `scope`" for use in filters.
fn path_within(
    scope: &Scope,
) -> Box<dyn BoxableExpression<areas::table, diesel::pg::Pg, SqlType = Bool>> {
    Box::new(
        sql::<Bool>("areas.path LIKE ANY(")
            .bind::<Array<Text>, _>(scope_patterns(scope))
            .sql(")"),
    )
}

/// Loads one node, whatever the scope (callers check it).
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> StoreResult<Option<Area>> {
    let row = areas::table
        .find(id)
        .select(AreaRow::as_select())
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(Area::from))
}

/// Loads one node if it lies inside `scope`; `NotFound` otherwise.
pub async fn find_in_scope(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    scope: &Scope,
) -> StoreResult<Area> {
    match find(conn, id).await? {
        Some(area) if scope.covers(&area.path) => Ok(area),
        _ => Err(DomainError::NotFound("area").into()),
    }
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct AreaFilter {
    /// Children of this node; when absent (and no kind), the roots of the scope.
    pub parent_id: Option<Uuid>,
    /// Nodes of this kind anywhere in the scope.
    pub kind: Option<AreaKind>,
    /// Keyset position: the last (name, id) of the previous page.
    pub after: Option<(String, Uuid)>,
    pub limit: i64,
}

/// Lists nodes inside `scope`, ordered by name then id.
pub async fn list(
    conn: &mut AsyncPgConnection,
    scope: &Scope,
    filter: &AreaFilter,
) -> StoreResult<Vec<Area>> {
    let mut query = areas::table
        .select(AreaRow::as_select())
        .filter(path_within(scope))
        .into_boxed();
    if let Some(parent) = filter.parent_id {
        query = query.filter(areas::parent_id.eq(parent));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(areas::kind.eq(kind.as_str()));
    }
    if filter.parent_id.is_none() && filter.kind.is_none() {
        query = query.filter(areas::path.eq_any(scope_roots(scope)));
    }
    if let Some((name, id)) = &filter.after {
        query = query.filter(
            areas::name
                .gt(name.clone())
                .or(areas::name.eq(name.clone()).and(areas::id.gt(*id))),
        );
    }
    let rows = query
        .order((areas::name.asc(), areas::id.asc()))
        .limit(filter.limit)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(Area::from).collect())
}

/// Which of `ids` have at least one child.
pub async fn with_children(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> StoreResult<Vec<Uuid>> {
    let parents: Vec<Option<Uuid>> = areas::table
        .select(areas::parent_id)
        .filter(areas::parent_id.eq_any(ids))
        .distinct()
        .load(conn)
        .await?;
    Ok(parents.into_iter().flatten().collect())
}

/// The audit form of a node.
fn audit_json(area: &Area) -> serde_json::Value {
    serde_json::json!({
        "parent_id": area.parent_id, "kind": area.kind.as_str(), "name": area.name, "code": area.code,
    })
}

/// Audits the change and announces it, in the caller's transaction.
async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    before: Option<&Area>,
    after: &Area,
) -> StoreResult<()> {
    let (before_json, after_json) = (before.map(audit_json), audit_json(after));
    let changed = journal::changed_fields(before_json.as_ref(), &after_json);
    journal::record(tx, ctx, journal::Entry {
        action,
        object_type: "area",
        object_id: after.id.to_string(),
        area_path: Some(after.path.as_str().to_owned()),
        before: before_json,
        after: Some(after_json),
        event_data: serde_json::json!({
            "area_id": after.id, "parent_id": after.parent_id, "kind": after.kind.as_str(), "changed": changed,
        }),
    })
    .await
}

/// Inserts a node under `parent` (already checked by the caller to be in scope); audited
/// and announced.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    new: &NewArea,
    parent: Option<&Area>,
) -> StoreResult<Area> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let area = insert_node(tx, new, parent).await?;
        record(tx, ctx, "area.created", None, &area).await?;
        Ok(area)
    })
    .await
}

/// Inserts a node without an audit entry, for callers that audit the larger change.
pub(crate) async fn insert_node(
    conn: &mut AsyncPgConnection,
    new: &NewArea,
    parent: Option<&Area>,
) -> StoreResult<Area> {
    new.check(parent.map(|p| p.kind))?;
    let id = Uuid::now_v7();
    let (path, depth) = match parent {
        Some(p) => (p.path.child(id), p.depth + 1),
        None => (AreaPath::root(id), 0),
    };
    let row = diesel::insert_into(areas::table)
        .values((
            areas::id.eq(id),
            areas::parent_id.eq(parent.map(|p| p.id)),
            areas::kind.eq(new.kind.as_str()),
            areas::name.eq(&new.name),
            areas::code.eq(&new.code),
            areas::path.eq(path.as_str()),
            areas::depth.eq(depth),
        ))
        .returning(AreaRow::as_returning())
        .get_result(conn)
        .await?;
    Ok(row.into())
}

/// Renames a node if it is still at `expected_version`; audited.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Area,
    changes: &AreaChanges,
    expected_version: i64,
) -> StoreResult<Area> {
    linli_domain::error::validate(changes)?;
    conn.transaction::<_, StoreError, _>(async |tx| {
        let area = rename(tx, current.id, changes, expected_version).await?;
        record(tx, ctx, "area.updated", Some(current), &area).await?;
        Ok(area)
    })
    .await
}

async fn rename(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &AreaChanges,
    expected_version: i64,
) -> StoreResult<Area> {
    let row = diesel::update(
        areas::table
            .filter(areas::id.eq(id))
            .filter(areas::version.eq(expected_version)),
    )
    .set((
        areas::name.eq(&changes.name),
        areas::code.eq(&changes.code),
        areas::version.eq(areas::version + 1),
        areas::updated_at.eq(crate::clock::linli_now()),
    ))
    .returning(AreaRow::as_returning())
    .get_result(conn)
    .await
    .optional()?;
    row.map(Area::from)
        .ok_or_else(|| DomainError::StaleVersion.into())
}
