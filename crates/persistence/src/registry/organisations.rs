//! Organisations and the compounds they serve.

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{
    DomainError,
    area::AreaPath,
    ids::{CompoundId, OrganisationId},
    registry::{OrgKind, OrganisationDraft},
};
use serde_json::json;
use uuid::Uuid;

use super::Patterns;
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{organisation_compounds, organisations},
};

/// An organisation with its area and covered compounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub id: Uuid,
    pub kind: OrgKind,
    pub name: String,
    pub area_id: Uuid,
    pub area_name: String,
    pub area_path: AreaPath,
    pub parent_id: Option<Uuid>,
    pub contact_phone: Option<String>,
    pub compound_ids: Vec<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    kind: crate::error::Code<OrgKind>,
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = SqlUuid)]
    area_id: Uuid,
    #[diesel(sql_type = Text)]
    area_name: String,
    #[diesel(sql_type = Text)]
    area_path: String,
    #[diesel(sql_type = Nullable<SqlUuid>)]
    parent_id: Option<Uuid>,
    #[diesel(sql_type = Nullable<Text>)]
    contact_phone: Option<String>,
    #[diesel(sql_type = Array<SqlUuid>)]
    compound_ids: Vec<Uuid>,
    #[diesel(sql_type = BigInt)]
    version: i64,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    updated_at: DateTime<Utc>,
}

impl From<Row> for Organisation {
    fn from(r: Row) -> Self {
        Organisation {
            id: r.id,
            kind: r.kind.0,
            name: r.name,
            area_id: r.area_id,
            area_name: r.area_name,
            area_path: AreaPath::from_stored(r.area_path),
            parent_id: r.parent_id,
            contact_phone: r.contact_phone,
            compound_ids: r.compound_ids,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

macro_rules! select {
    () => {
        "SELECT o.id, o.kind, o.name, o.area_id, a.name AS area_name, a.path AS area_path, \
    o.parent_id, o.contact_phone, \
    COALESCE(ARRAY(SELECT oc.compound_id FROM organisation_compounds oc WHERE oc.organisation_id = o.id ORDER BY oc.compound_id), '{}') AS compound_ids, \
    o.version, o.created_at, o.updated_at \
    FROM organisations o JOIN areas a ON a.id = o.area_id"
    };
}

/// An organisation is visible where it sits, where it serves a compound, and where it
/// holds a service contract.
macro_rules! visible {
    () => {
        "(a.path LIKE ANY($1) \
    OR EXISTS (SELECT 1 FROM organisation_compounds oc JOIN areas ca ON ca.id = oc.compound_id \
               WHERE oc.organisation_id = o.id AND ca.path LIKE ANY($1)) \
    OR EXISTS (SELECT 1 FROM service_contracts sc JOIN contract_compounds cc ON cc.contract_id = sc.id \
               JOIN areas ca ON ca.id = cc.compound_id WHERE sc.company_id = o.id AND ca.path LIKE ANY($1)))"
    };
}

/// Filters of the list.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    pub kind: Option<OrgKind>,
    /// Sits in or serves a compound in this subtree.
    pub within: Option<AreaPath>,
    pub name_contains: Option<String>,
    pub compound_id: Option<Uuid>,
}

/// One keyset page (by name, id) of organisations visible in the scope.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    filter: &OrgFilter,
    after: Option<&(String, Uuid)>,
    limit: i64,
) -> StoreResult<Vec<Organisation>> {
    let listing = crate::sql::query(concat!(select!(), " WHERE ", visible!()))
        .bind::<Patterns, _>(patterns)
        .filter::<Text, _>(" AND o.kind = ", filter.kind.map(OrgKind::as_str));
    let listing = match &filter.within {
        Some(p) => listing
            .sql(" AND (a.path LIKE ")
            .param::<Text, _>(format!("{}%", p.as_str()))
            .sql(
                " OR EXISTS (SELECT 1 FROM organisation_compounds oc \
                 JOIN areas ca ON ca.id = oc.compound_id WHERE oc.organisation_id = o.id AND ca.path LIKE ",
            )
            .same_param()
            .sql("))"),
        None => listing,
    };
    let listing = listing.filter::<Text, _>(
        " AND o.name ILIKE ",
        filter
            .name_contains
            .as_ref()
            .map(|n| format!("%{}%", crate::compounds::like_literal(n))),
    );
    let listing = match filter.compound_id {
        Some(compound) => listing
            .sql(" AND (EXISTS (SELECT 1 FROM organisation_compounds oc WHERE oc.organisation_id = o.id AND oc.compound_id = ")
            .param::<SqlUuid, _>(compound)
            .sql(
                ") OR EXISTS (SELECT 1 FROM service_contracts sc JOIN contract_compounds cc ON cc.contract_id = sc.id \
                 WHERE sc.company_id = o.id AND cc.compound_id = ",
            )
            .same_param()
            .sql(" AND linli_today() BETWEEN cc.start_date AND cc.end_date))"),
        None => listing,
    };
    let rows: Vec<Row> = listing
        .after_name(" AND (o.name, o.id) > ", after)
        .sql(" ORDER BY o.name, o.id LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(Organisation::from).collect())
}

/// One organisation if visible in the scope.
pub async fn find_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Organisation> {
    let rows: Vec<Row> = crate::sql::query(concat!(select!(), " WHERE o.id = $2 AND ", visible!()))
        .bind::<Patterns, _>(patterns)
        .bind::<SqlUuid, _>(id)
        .load(conn)
        .await?;
    rows.into_iter()
        .next()
        .map(Organisation::from)
        .ok_or_else(|| DomainError::NotFound("organisation").into())
}

fn audit_json(o: &OrganisationDraft) -> serde_json::Value {
    json!({
        "kind": o.kind.as_str(), "name": o.name, "area_id": o.area_id, "parent_id": o.parent_id,
        "contact_phone": o.contact_phone, "compound_ids": o.compound_ids,
    })
}

fn draft_of(o: &Organisation) -> OrganisationDraft {
    OrganisationDraft {
        kind: o.kind,
        name: o.name.clone(),
        area_id: o.area_id.into(),
        parent_id: o.parent_id.map(Into::into),
        contact_phone: o.contact_phone.clone(),
        compound_ids: o.compound_ids.clone().into_iter().map(Into::into).collect(),
    }
}

async fn set_compounds(
    tx: &mut AsyncPgConnection,
    id: Uuid,
    compounds: &[CompoundId],
) -> StoreResult<()> {
    diesel::delete(
        organisation_compounds::table.filter(organisation_compounds::organisation_id.eq(id)),
    )
    .execute(tx)
    .await?;
    let rows: Vec<_> = compounds
        .iter()
        .map(|c| {
            (
                organisation_compounds::organisation_id.eq(id),
                organisation_compounds::compound_id.eq(c.uuid()),
            )
        })
        .collect();
    if !rows.is_empty() {
        diesel::insert_into(organisation_compounds::table)
            .values(rows)
            .execute(tx)
            .await?;
    }
    Ok(())
}

async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    id: Uuid,
    area_path: &AreaPath,
    before: Option<&OrganisationDraft>,
    after: &OrganisationDraft,
) -> StoreResult<()> {
    let (b, a) = (before.map(audit_json), audit_json(after));
    let changed = journal::changed_fields(b.as_ref(), &a);
    journal::record(tx, ctx, Entry {
        action,
        object_type: "organisation",
        object_id: id.to_string(),
        area_path: Some(area_path.as_str().to_owned()),
        before: b,
        after: Some(a),
        event_data: json!({"organisation_id": id, "kind": after.kind.as_str(), "changed": changed}),
    })
    .await
}

/// Creates an organisation (area and compounds already checked by the caller); audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &OrganisationDraft,
    area_path: &AreaPath,
    patterns: &[String],
) -> StoreResult<Organisation> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(organisations::table)
            .values((
                organisations::id.eq(id),
                organisations::kind.eq(draft.kind.as_str()),
                organisations::name.eq(draft.name.trim()),
                organisations::area_id.eq(draft.area_id.uuid()),
                organisations::parent_id.eq(draft.parent_id.map(OrganisationId::uuid)),
                organisations::contact_phone.eq(&draft.contact_phone),
            ))
            .execute(tx)
            .await?;
        set_compounds(tx, id, &draft.compound_ids).await?;
        record(tx, ctx, "organisation.created", id, area_path, None, draft).await?;
        find_visible(tx, patterns, id).await
    })
    .await
}

/// Replaces an organisation's fields if still at `expected_version`; audited.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Organisation,
    draft: &OrganisationDraft,
    area_path: &AreaPath,
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<Organisation> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            organisations::table
                .filter(organisations::id.eq(current.id))
                .filter(organisations::version.eq(expected_version)),
        )
        .set((
            organisations::name.eq(draft.name.trim()),
            organisations::area_id.eq(draft.area_id.uuid()),
            organisations::parent_id.eq(draft.parent_id.map(OrganisationId::uuid)),
            organisations::contact_phone.eq(&draft.contact_phone),
            organisations::version.eq(organisations::version + 1),
            organisations::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        set_compounds(tx, current.id, &draft.compound_ids).await?;
        record(
            tx,
            ctx,
            "organisation.updated",
            current.id,
            area_path,
            Some(&draft_of(current)),
            draft,
        )
        .await?;
        find_visible(tx, patterns, current.id).await
    })
    .await
}
