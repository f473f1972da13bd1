//! The complaints a caller may see: lists, exports and inbox counts.

use chrono::{DateTime, Utc};
use linli_domain::ids::{AreaId, ComplaintId, CompoundId, OrganisationId};
use linli_domain::{
    complaint::Status,
    policy::{Action, Principal},
};
use linli_persistence::{
    AsyncPgConnection, areas,
    complaints::{self, Complaint, ComplaintFilter, StatusCount, Visibility},
};

use super::sight::visibility;
use crate::{Caller, Result};

/// Filters of a complaint list.
#[derive(Debug, Clone, Default)]
pub struct FindComplaints {
    /// Within this area (404 when it lies outside the caller's scope).
    pub area_id: Option<AreaId>,
    pub compound_id: Option<CompoundId>,
    pub status: Option<Status>,
    pub category: Option<String>,
    pub handler_org_id: Option<OrganisationId>,
    pub overdue: Option<bool>,
    /// Filed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Filed before.
    pub to: Option<DateTime<Utc>>,
    /// Text in title or description, or an exact complaint number.
    pub text: Option<String>,
}

/// Where a list continues: after the complaint filed at this time with this id.
pub type After = (DateTime<Utc>, ComplaintId);

/// A search the caller may make, ready to be read page by page (newest first).
#[derive(Debug, Clone)]
pub struct Search {
    visibility: Visibility,
    filter: ComplaintFilter,
}

impl Search {
    /// Up to `limit` complaints after `after`.
    pub async fn page(
        &self,
        tx: &mut AsyncPgConnection,
        after: Option<&After>,
        limit: i64,
    ) -> Result<Vec<Complaint>> {
        let after = after.map(|&(at, id)| (at, id.uuid()));
        complaints::list(tx, &self.visibility, &self.filter, after.as_ref(), limit).await
    }
}

/// Prepares a search over the complaints the caller may see (their area's, their
/// organisation's, their own). Systems need `complaints:read`.
pub async fn search_complaints(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindComplaints,
) -> Result<Search> {
    // Authorise: people see what their standing shows them; systems need the action.
    if matches!(caller.principal, Principal::ApiKey { .. }) {
        caller.scope(Action::ReadComplaints)?;
    }
    // Load.
    let visibility = visibility(tx, caller).await?;
    let within = match find.area_id {
        Some(id) => {
            let scope = caller.scope(Action::ReadComplaints)?;
            Some(
                areas::find_in_scope(tx, id.uuid(), &scope)
                    .await?
                    .path
                    .as_str()
                    .to_owned(),
            )
        }
        None => None,
    };
    let filter = ComplaintFilter {
        within,
        status: find.status,
        category: find.category,
        handler_org_id: find.handler_org_id.map(OrganisationId::uuid),
        overdue: find.overdue,
        from: find.from,
        to: find.to,
        text: find
            .text
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned),
        compound_id: find.compound_id.map(CompoundId::uuid),
    };
    Ok(Search { visibility, filter })
}

/// One page of the complaints the caller may see, newest first: up to `limit` after
/// `after`.
pub async fn list_complaints(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindComplaints,
    after: Option<&After>,
    limit: i64,
) -> Result<Vec<Complaint>> {
    search_complaints(tx, caller, find)
        .await?
        .page(tx, after, limit)
        .await
}

/// The most rows one export holds.
const EXPORT_MAX_ROWS: usize = 50_000;
/// Rows read per statement while exporting.
const EXPORT_BATCH: i64 = 500;

/// Every complaint the caller may see that matches, newest first, up to
/// [`EXPORT_MAX_ROWS`].
pub async fn export_complaints(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindComplaints,
) -> Result<Vec<Complaint>> {
    let search = search_complaints(tx, caller, find).await?;
    let mut rows = Vec::new();
    let mut after: Option<After> = None;
    loop {
        let batch = search.page(tx, after.as_ref(), EXPORT_BATCH).await?;
        let full = batch.len() as i64 == EXPORT_BATCH;
        after = batch.last().map(|c| (c.created_at, c.id.into()));
        rows.extend(batch);
        if !full || rows.len() >= EXPORT_MAX_ROWS {
            return Ok(rows);
        }
    }
}

/// How many complaints the caller may see per status, and how many of them are overdue.
pub async fn count_complaints(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<Vec<StatusCount>> {
    let visibility = visibility(tx, caller).await?;
    complaints::counts(tx, &visibility).await
}
