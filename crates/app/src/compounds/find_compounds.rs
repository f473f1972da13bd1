//! Reading the register: one compound, a page, an export.

use linli_domain::ids::{AreaId, CompoundId};
use linli_domain::{
    compound::GovernanceMode,
    policy::{Action, Scope},
};
use linli_persistence::{
    AsyncPgConnection, areas,
    compounds::{self, Compound, CompoundFilter},
};

use crate::{Caller, Result, stored_key};

/// The most rows one export holds.
const EXPORT_MAX_ROWS: usize = 100_000;
/// Rows read per statement while exporting.
const EXPORT_BATCH: i64 = 500;

/// Filters of a compound list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindCompounds {
    /// Within this area (404 when it lies outside the caller's scope).
    pub area_id: Option<AreaId>,
    pub governance_mode: Option<GovernanceMode>,
    /// Part of the name.
    pub name: Option<String>,
}

async fn filter(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    find: FindCompounds,
) -> Result<CompoundFilter> {
    let within = match find.area_id {
        Some(area_id) => Some(areas::find_in_scope(tx, area_id.uuid(), scope).await?.path),
        None => None,
    };
    Ok(CompoundFilter {
        within,
        governance_mode: find.governance_mode,
        name_contains: find
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
    })
}

/// Checks that every compound of `ids` lies in `scope`; the first that does not is a field
/// error at `compound_ids[i]`.
pub async fn all_in_scope(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    ids: &[CompoundId],
) -> Result<()> {
    for (i, id) in ids.iter().enumerate() {
        compounds::find_in_scope(tx, id.uuid(), scope)
            .await
            .map_err(|e| {
                crate::not_found_as_field(
                    e,
                    &format!("compound_ids[{i}]"),
                    "小区不存在 / no such compound",
                )
            })?;
    }
    Ok(())
}

/// The compound `id`, when it lies in the caller's area.
pub async fn find_compound(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: CompoundId,
) -> Result<Compound> {
    let scope = caller.scope(Action::ReadCompounds)?;
    compounds::find_in_scope(tx, id.uuid(), &scope).await
}

/// Up to `limit` compounds of the caller's area by name, after `after` (name, id).
pub async fn list_compounds(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCompounds,
    after: Option<&(String, CompoundId)>,
    limit: i64,
) -> Result<Vec<Compound>> {
    let scope = caller.scope(Action::ReadCompounds)?;
    let filter = filter(tx, &scope, find).await?;
    compounds::list(tx, &scope, &filter, stored_key(after).as_ref(), limit).await
}

/// Every compound of the caller's area that matches, by name, up to [`EXPORT_MAX_ROWS`].
pub async fn export_compounds(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindCompounds,
) -> Result<Vec<Compound>> {
    let scope = caller.scope(Action::ExportCompounds)?;
    let filter = filter(tx, &scope, find).await?;
    let mut rows = Vec::new();
    let mut after = None;
    loop {
        let batch = compounds::list(tx, &scope, &filter, after.as_ref(), EXPORT_BATCH).await?;
        let full = batch.len() as i64 == EXPORT_BATCH;
        after = batch.last().map(|c| (c.name.clone(), c.id));
        rows.extend(batch);
        if !full || rows.len() >= EXPORT_MAX_ROWS {
            return Ok(rows);
        }
    }
}
