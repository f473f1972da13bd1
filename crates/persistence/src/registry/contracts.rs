//! Property service contracts and bundles.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::{
    prelude::*,
    sql_types::{Array, BigInt, Date, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use linli_domain::{DomainError, registry::ContractDraft};
use serde_json::json;
use uuid::Uuid;

use super::{Patterns, only_row};
use crate::{
    StoreError,
    audit_log::AuditContext,
    error::StoreResult,
    journal::{self, Entry},
    schema::{contract_compounds, service_contracts},
};

/// A contract with its company and compounds.
#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct Contract {
    #[diesel(sql_type = SqlUuid)]
    pub id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub company_id: Uuid,
    #[diesel(sql_type = Text)]
    pub company_name: String,
    #[diesel(sql_type = Text)]
    pub title: String,
    #[diesel(sql_type = Date)]
    pub start_date: NaiveDate,
    #[diesel(sql_type = Date)]
    pub end_date: NaiveDate,
    #[diesel(sql_type = Array<Nullable<Text>>)]
    pub service_items: Vec<Option<String>>,
    #[diesel(sql_type = BigInt)]
    pub fee_fen_per_sqm: i64,
    #[diesel(sql_type = Array<SqlUuid>)]
    pub compound_ids: Vec<Uuid>,
    #[diesel(sql_type = Array<Text>)]
    pub compound_names: Vec<String>,
    /// The compounds' area paths: the contract's owners.
    #[diesel(sql_type = Array<Text>)]
    pub compound_paths: Vec<String>,
    /// Buildings across the bundle.
    #[diesel(sql_type = BigInt)]
    pub building_count: i64,
    /// Deepest common ancestor is not needed: contracts are filed under their first compound.
    #[diesel(sql_type = Text)]
    pub area_path: String,
    #[diesel(sql_type = BigInt)]
    pub version: i64,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
}

macro_rules! select {
    () => {
        "SELECT sc.id, sc.company_id, o.name AS company_name, sc.title, sc.start_date, sc.end_date, \
    sc.service_items, sc.fee_fen_per_sqm, \
    ARRAY(SELECT cc.compound_id FROM contract_compounds cc JOIN areas ca ON ca.id = cc.compound_id WHERE cc.contract_id = sc.id ORDER BY ca.name, ca.id) AS compound_ids, \
    ARRAY(SELECT ca.name FROM contract_compounds cc JOIN areas ca ON ca.id = cc.compound_id WHERE cc.contract_id = sc.id ORDER BY ca.name, ca.id) AS compound_names, \
    ARRAY(SELECT ca.path FROM contract_compounds cc JOIN areas ca ON ca.id = cc.compound_id WHERE cc.contract_id = sc.id ORDER BY ca.name, ca.id) AS compound_paths, \
    (SELECT COALESCE(sum(c.building_count), 0)::bigint FROM contract_compounds cc JOIN compounds c ON c.id = cc.compound_id WHERE cc.contract_id = sc.id) AS building_count, \
    (SELECT min(ca.path) FROM contract_compounds cc JOIN areas ca ON ca.id = cc.compound_id WHERE cc.contract_id = sc.id) AS area_path, \
    sc.version, sc.created_at \
    FROM service_contracts sc JOIN organisations o ON o.id = sc.company_id"
    };
}

/// A contract is visible where any of its compounds lies.
macro_rules! visible {
    () => {
        "EXISTS (SELECT 1 FROM contract_compounds cc JOIN areas ca ON ca.id = cc.compound_id \
    WHERE cc.contract_id = sc.id AND ca.path LIKE ANY($1))"
    };
}

/// Filters of the contract list.
#[derive(Debug, Clone, Default)]
pub struct ContractFilter {
    pub company_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    /// Only contracts in force on this date.
    pub active_on: Option<NaiveDate>,
}

/// Contracts visible in the scope, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    filter: &ContractFilter,
    before: Option<Uuid>,
    limit: i64,
) -> StoreResult<Vec<Contract>> {
    Ok(crate::sql::query(concat!(select!(), " WHERE ", visible!()))
        .bind::<Patterns, _>(patterns)
        .filter::<SqlUuid, _>(" AND sc.company_id = ", filter.company_id)
        .filter_around::<SqlUuid, _>(
            " AND EXISTS (SELECT 1 FROM contract_compounds x WHERE x.contract_id = sc.id AND x.compound_id = ",
            filter.compound_id,
            ")",
        )
        .filter_around::<Date, _>(" AND ", filter.active_on, " BETWEEN sc.start_date AND sc.end_date")
        .filter::<SqlUuid, _>(" AND sc.id < ", before)
        .sql(" ORDER BY sc.id DESC LIMIT ")
        .param::<BigInt, _>(limit)
        .load(conn)
        .await?)
}

/// One contract if visible.
pub async fn find_visible(
    conn: &mut AsyncPgConnection,
    patterns: &[String],
    id: Uuid,
) -> StoreResult<Contract> {
    let rows: Vec<Contract> =
        crate::sql::query(concat!(select!(), " WHERE sc.id = $2 AND ", visible!()))
            .bind::<Patterns, _>(patterns)
            .bind::<SqlUuid, _>(id)
            .load(conn)
            .await?;
    only_row(rows, "contract")
}

/// The contract in force for a compound on a date, if any.
pub async fn active_for(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    on: NaiveDate,
) -> StoreResult<Option<Contract>> {
    let rows: Vec<Contract> = crate::sql::query(concat!(select!(), " WHERE EXISTS (SELECT 1 FROM contract_compounds cc WHERE cc.contract_id = sc.id AND cc.compound_id = $1 \
         AND $2 BETWEEN cc.start_date AND cc.end_date)"))
    .bind::<SqlUuid, _>(compound_id)
    .bind::<Date, _>(on)
    .load(conn)
    .await?;
    Ok(rows.into_iter().next())
}

fn audit_json(d: &ContractDraft) -> serde_json::Value {
    json!({
        "company_id": d.company_id, "title": d.title, "start_date": d.start_date, "end_date": d.end_date,
        "service_items": d.service_items, "fee_fen_per_sqm": d.fee_fen_per_sqm, "compound_ids": d.compound_ids,
    })
}

/// The database refuses a second contract for a compound on any date; say which.
fn overlap(e: StoreError) -> StoreError {
    match &e {
        StoreError::Domain(DomainError::Conflict(c)) if c.contains("one_at_a_time") => {
            StoreError::Domain(DomainError::field(
                "compound_ids",
                "所选小区在该期间已有生效的物业服务合同 / a chosen compound already has a contract in this period",
            ))
        }
        _ => e,
    }
}

async fn write_compounds(
    tx: &mut AsyncPgConnection,
    id: Uuid,
    draft: &ContractDraft,
) -> StoreResult<()> {
    diesel::delete(contract_compounds::table.filter(contract_compounds::contract_id.eq(id)))
        .execute(tx)
        .await?;
    let rows: Vec<_> = draft
        .compound_ids
        .iter()
        .map(|c| {
            (
                contract_compounds::contract_id.eq(id),
                contract_compounds::compound_id.eq(c.uuid()),
                contract_compounds::start_date.eq(draft.start_date),
                contract_compounds::end_date.eq(draft.end_date),
            )
        })
        .collect();
    diesel::insert_into(contract_compounds::table)
        .values(rows)
        .execute(tx)
        .await
        .map_err(|e| overlap(e.into()))?;
    Ok(())
}

async fn record(
    tx: &mut AsyncPgConnection,
    ctx: &AuditContext,
    action: &'static str,
    id: Uuid,
    patterns: &[String],
    before: Option<&ContractDraft>,
    after: &ContractDraft,
) -> StoreResult<Contract> {
    let saved = find_visible(tx, patterns, id).await?;
    let (b, a) = (before.map(audit_json), audit_json(after));
    let changed = journal::changed_fields(b.as_ref(), &a);
    journal::record(tx, ctx, Entry {
        action,
        object_type: "contract",
        object_id: id.to_string(),
        area_path: Some(saved.area_path.clone()),
        before: b,
        after: Some(a),
        event_data: json!({"contract_id": id, "company_id": after.company_id, "compound_ids": after.compound_ids, "changed": changed}),
    })
    .await?;
    Ok(saved)
}

/// Creates a contract over one or more compounds; audited.
pub async fn create(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    draft: &ContractDraft,
    patterns: &[String],
) -> StoreResult<Contract> {
    let id = Uuid::now_v7();
    conn.transaction::<_, StoreError, _>(async |tx| {
        diesel::insert_into(service_contracts::table)
            .values((
                service_contracts::id.eq(id),
                service_contracts::company_id.eq(draft.company_id.uuid()),
                service_contracts::title.eq(draft.title.trim()),
                service_contracts::start_date.eq(draft.start_date),
                service_contracts::end_date.eq(draft.end_date),
                service_contracts::service_items.eq(draft
                    .service_items
                    .iter()
                    .cloned()
                    .map(Some)
                    .collect::<Vec<_>>()),
                service_contracts::fee_fen_per_sqm.eq(draft.fee_fen_per_sqm),
            ))
            .execute(tx)
            .await?;
        write_compounds(tx, id, draft).await?;
        record(tx, ctx, "contract.created", id, patterns, None, draft).await
    })
    .await
}

/// Replaces a contract (e.g. ends it early, changes its bundle) if still at
/// `expected_version`; audited.
pub async fn update(
    conn: &mut AsyncPgConnection,
    ctx: &AuditContext,
    current: &Contract,
    draft: &ContractDraft,
    expected_version: i64,
    patterns: &[String],
) -> StoreResult<Contract> {
    conn.transaction::<_, StoreError, _>(async |tx| {
        let changed = diesel::update(
            service_contracts::table
                .filter(service_contracts::id.eq(current.id))
                .filter(service_contracts::version.eq(expected_version)),
        )
        .set((
            service_contracts::title.eq(draft.title.trim()),
            service_contracts::start_date.eq(draft.start_date),
            service_contracts::end_date.eq(draft.end_date),
            service_contracts::service_items.eq(draft
                .service_items
                .iter()
                .cloned()
                .map(Some)
                .collect::<Vec<_>>()),
            service_contracts::fee_fen_per_sqm.eq(draft.fee_fen_per_sqm),
            service_contracts::version.eq(service_contracts::version + 1),
            service_contracts::updated_at.eq(crate::clock::linli_now()),
        ))
        .execute(tx)
        .await?;
        if changed == 0 {
            return Err(DomainError::StaleVersion.into());
        }
        write_compounds(tx, current.id, draft).await?;
        let before = ContractDraft {
            company_id: current.company_id.into(),
            title: current.title.clone(),
            start_date: current.start_date,
            end_date: current.end_date,
            service_items: current.service_items.iter().flatten().cloned().collect(),
            fee_fen_per_sqm: current.fee_fen_per_sqm,
            compound_ids: current
                .compound_ids
                .clone()
                .into_iter()
                .map(Into::into)
                .collect(),
        };
        record(
            tx,
            ctx,
            "contract.updated",
            current.id,
            patterns,
            Some(&before),
            draft,
        )
        .await
    })
    .await
}
