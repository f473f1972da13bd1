//! Public revenue (公共收益): each compound's double-entry ledger, its reports and the
//! disclosures residents read.

pub mod close_period;
pub mod create_account;
pub mod get_disclosure;
pub mod get_entry;
pub mod get_voucher;
pub mod import_entries;
pub mod list_accounts;
pub mod list_disclosures;
pub mod list_entries;
pub mod list_periods;
pub mod list_vouchers;
pub mod monthly_report;
pub mod post_entry;
pub mod preview_disclosure;
pub mod publish_disclosure;
pub mod reverse_entry;
pub mod rollup_report;
pub mod trial_balance;
pub mod upload_voucher;

use chrono::NaiveDate;
use linli_domain::{
    DomainError,
    policy::{Action, Principal},
    public_revenue::{Summary, check_closable, next_month, parse_month, summarise},
};
use linli_persistence::{
    AsyncPgConnection,
    compounds::{self, Compound},
    public_revenue::{self, EntryRow},
    special_audits,
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::public_revenue::{EntryView, LineView},
    error::{ApiError, ApiResult},
};

/// The compound whose ledger the caller may read: in their `ledger.read` scope, or
/// audited by their firm (auditors, read-only). 404 otherwise; 403 for roles that never
/// read ledgers.
async fn readable(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: Uuid,
) -> ApiResult<Compound> {
    let by_area = caller.scope(Action::ReadLedger).ok();
    let auditor = caller.scope(Action::WorkAudits).is_ok();
    if by_area.is_none() && !auditor {
        return Err(DomainError::Forbidden.into());
    }
    let compound = compounds::find(conn, compound_id)
        .await?
        .ok_or_else(|| ApiError::not_found("compound"))?;
    if by_area.is_some_and(|s| s.covers(&compound.path)) {
        return Ok(compound);
    }
    if auditor {
        let firms = firms_of(conn, caller).await?;
        if special_audits::firm_audits_compound(conn, &firms, compound.id).await? {
            return Ok(compound);
        }
    }
    Err(ApiError::not_found("compound"))
}

/// The compound if `action` is the caller's there; 404 outside their scope.
async fn in_scope(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: Uuid,
    action: Action,
) -> ApiResult<Compound> {
    let scope = caller.scope(action)?;
    Ok(compounds::find_in_scope(conn, compound_id, &scope).await?)
}

/// The organisations (audit firms among them) the signed-in caller works for.
pub(crate) async fn firms_of(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
) -> ApiResult<Vec<Uuid>> {
    Ok(match &caller.principal {
        Principal::User { user_id, .. } => {
            linli_persistence::complaints::memberships(conn, *user_id).await?
        }
        Principal::ApiKey { .. } => Vec::new(),
    })
}

/// Entries with their lines.
async fn with_lines(
    conn: &mut AsyncPgConnection,
    entries: Vec<EntryRow>,
) -> ApiResult<Vec<EntryView>> {
    let ids: Vec<Uuid> = entries.iter().map(|e| e.id).collect();
    let mut lines = public_revenue::lines_of(conn, &ids).await?;
    Ok(entries
        .into_iter()
        .map(|e| {
            let (mine, rest): (Vec<_>, Vec<_>) = lines.drain(..).partition(|l| l.entry_id == e.id);
            lines = rest;
            EntryView::new(e, mine.into_iter().map(LineView::from).collect())
        })
        .collect())
}

/// A `YYYY-MM` field.
fn month_field(field: &str, text: &str) -> ApiResult<NaiveDate> {
    parse_month(text).ok_or_else(|| {
        DomainError::field(field, "月份须写作 2026-09 / write the month as 2026-09").into()
    })
}

/// The disclosure figures of a compound for `[from, to]` (months), both ended.
async fn disclosure_summary(
    conn: &mut AsyncPgConnection,
    compound_id: Uuid,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> ApiResult<(NaiveDate, NaiveDate, Summary)> {
    let first = month_field("period_from", from)?;
    let last = month_field("period_to", to)?;
    if last < first {
        return Err(DomainError::field(
            "period_to",
            "结束月份不能早于开始月份 / the last month cannot precede the first",
        )
        .into());
    }
    check_closable(last, today).map_err(|_| {
        DomainError::field(
            "period_to",
            "只能公示已经结束的月份 / only ended months can be disclosed",
        )
    })?;
    let end = next_month(last).pred_opt().unwrap_or(last);
    let period = public_revenue::movements(conn, &[compound_id], Some(first), Some(end)).await?;
    let to_date = public_revenue::movements(conn, &[compound_id], None, Some(end)).await?;
    Ok((first, last, summarise(&period, &to_date)))
}
