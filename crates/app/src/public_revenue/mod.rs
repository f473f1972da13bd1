//! Public revenue (公共收益): each compound's double-entry ledger (accounts, entries,
//! vouchers, closed months, imports), its reports and the disclosures residents read.
//!
//! A ledger is read by those whose `ledger.read` scope covers its compound and by the
//! auditors of a firm engaged on it; it is written by those whose scope for the write
//! (posting, closing a month, publishing) covers the compound.

mod close_period;
mod create_account;
mod find_disclosure;
mod find_voucher;
mod get_entry;
mod import_entries;
mod list_accounts;
mod list_disclosures;
mod list_entries;
mod list_periods;
mod list_vouchers;
mod monthly_report;
mod post_entry;
mod preview_disclosure;
mod publish_disclosure;
mod reverse_entry;
mod rollup_report;
mod trial_balance;
mod upload_voucher;

pub use close_period::{ClosePeriod, close_period};
pub use create_account::{CreateAccount, create_account};
pub use find_disclosure::find_disclosure;
pub use find_voucher::find_voucher;
pub use get_entry::get_entry;
pub use import_entries::{ImportEntries, Imported, import_entries, import_target};
pub use list_accounts::list_accounts;
pub use list_disclosures::list_disclosures;
pub use list_entries::list_entries;
pub use list_periods::{Period, list_periods};
pub use list_vouchers::list_vouchers;
pub use monthly_report::{MonthlyReport, monthly_report};
pub use post_entry::{PostEntry, post_entry};
pub use preview_disclosure::{Preview, preview_disclosure};
pub use publish_disclosure::{PublishDisclosure, publish_disclosure};
pub use reverse_entry::{ReverseEntry, reverse_entry};
pub use rollup_report::{Rollup, RollupReport, rollup_report};
pub use trial_balance::trial_balance;
pub use upload_voucher::{AddVoucher, VoucherSlot, add_voucher, voucher_slot};

use linli_domain::ids::{CompoundId, LedgerEntryId};
use linli_domain::{
    DomainError,
    policy::{Action, Scope},
};
use linli_persistence::{
    AsyncPgConnection,
    compounds::{self, Compound},
    public_revenue::{self, EntryRow, LineRow},
    special_audits,
};
use uuid::Uuid;

use crate::{Caller, Error, Result, access::organisations_of};

/// A posted entry with its lines.
#[derive(Debug, Clone)]
pub struct Entry {
    pub entry: EntryRow,
    pub lines: Vec<LineRow>,
}

/// The compound whose ledger the caller may read: in their `ledger.read` scope, or
/// audited by their firm (auditors, read-only). `NotFound` otherwise; `Forbidden` for
/// roles that never read ledgers.
pub(crate) async fn readable(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
) -> Result<Compound> {
    let by_area = caller.scope(Action::ReadLedger).ok();
    let auditor = caller.may(Action::WorkAudits);
    if by_area.is_none() && !auditor {
        return Err(DomainError::Forbidden.into());
    }
    let compound = compounds::find(tx, compound_id.into())
        .await?
        .ok_or(DomainError::NotFound("compound"))?;
    if by_area.is_some_and(|s| s.covers(&compound.path)) {
        return Ok(compound);
    }
    if auditor {
        let firms = organisations_of(tx, caller).await?;
        if special_audits::firm_audits_compound(tx, &firms, compound.id).await? {
            return Ok(compound);
        }
    }
    Err(DomainError::NotFound("compound").into())
}

/// A refusal or an absence reported as `what` not found, so a reader learns nothing of
/// objects beyond sight; every other failure keeps its meaning.
fn hidden_as(error: Error, what: &'static str) -> Error {
    match error {
        Error::Domain(DomainError::Forbidden | DomainError::NotFound(_)) => {
            DomainError::NotFound(what).into()
        }
        other => other,
    }
}

/// The compound of a ledger entry the caller may read (`NotFound` as `what` otherwise).
async fn compound_of_readable_entry(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    entry_id: LedgerEntryId,
    what: &'static str,
) -> Result<Compound> {
    let compound_id = public_revenue::compound_of_entry(tx, entry_id.into())
        .await?
        .ok_or(DomainError::NotFound(what))?;
    readable(tx, caller, compound_id.into())
        .await
        .map_err(|e| hidden_as(e, what))
}

/// An entry whose compound lies in `scope` (a writer's), with that compound; `NotFound`
/// otherwise.
async fn entry_in_scope(
    tx: &mut AsyncPgConnection,
    scope: &Scope,
    entry_id: LedgerEntryId,
) -> Result<(Compound, EntryRow)> {
    let compound_id = public_revenue::compound_of_entry(tx, entry_id.into())
        .await?
        .ok_or(DomainError::NotFound("ledger entry"))?;
    let compound = compounds::find_in_scope(tx, compound_id, scope)
        .await
        .map_err(|e| crate::not_found_as(e, "ledger entry"))?;
    let entry = public_revenue::find_entry(tx, compound.id, entry_id.into()).await?;
    Ok((compound, entry))
}

/// Entries with their lines.
async fn with_lines(tx: &mut AsyncPgConnection, entries: Vec<EntryRow>) -> Result<Vec<Entry>> {
    let ids: Vec<Uuid> = entries.iter().map(|e| e.id).collect();
    let mut lines = public_revenue::lines_of(tx, &ids).await?;
    Ok(entries
        .into_iter()
        .map(|entry| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                lines.drain(..).partition(|l| l.entry_id == entry.id);
            lines = rest;
            Entry { entry, lines: mine }
        })
        .collect())
}

/// One entry of a compound with its lines.
async fn entry_with_lines(
    tx: &mut AsyncPgConnection,
    compound_id: CompoundId,
    entry_id: LedgerEntryId,
) -> Result<Entry> {
    let entry = public_revenue::find_entry(tx, compound_id.into(), entry_id.into()).await?;
    with_lines(tx, vec![entry])
        .await?
        .pop()
        .ok_or_else(|| DomainError::NotFound("ledger entry").into())
}
