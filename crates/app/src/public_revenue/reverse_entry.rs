//! Reversing a posted entry (冲销).

use chrono::NaiveDate;
use linli_domain::ids::LedgerEntryId;
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{Line, check_reversible, checked_reversal_reason, reversal_memo, reversal_of},
};
use linli_persistence::{
    AsyncPgConnection, StoreError,
    public_revenue::{self, NewEntry},
};

use super::{Entry, entry_in_scope, entry_with_lines};
use crate::{Caller, Result};

/// Which entry to reverse, when and why.
#[derive(Debug, Clone)]
pub struct ReverseEntry {
    pub entry_id: LedgerEntryId,
    /// The reversing entry's date; `today` when absent.
    pub entry_date: Option<NaiveDate>,
    pub reason: String,
}

/// Posts the entry that undoes `entry_id` (every debit and credit swapped) in an open
/// month, once: neither a reversed entry nor a reversal is reversed again. Audited and
/// announced; returns the reversing entry with its lines.
pub async fn reverse_entry(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    today: NaiveDate,
    cmd: ReverseEntry,
) -> Result<Entry> {
    // Authorise.
    let scope = caller.scope(Action::PostLedger)?;
    // Validate.
    let reason = checked_reversal_reason(&cmd.reason)?;
    // Load: the entry, of a compound in the caller's scope, and its lines.
    let (compound, original) = entry_in_scope(tx, &scope, cmd.entry_id).await?;
    // Decide.
    check_reversible(
        original.reversed_by.is_some(),
        original.reverses_id.is_some(),
    )?;
    let lines: Vec<Line> = public_revenue::lines_of(tx, &[original.id])
        .await?
        .into_iter()
        .map(|l| Line {
            account_id: l.account_id,
            debit_fen: l.debit_fen,
            credit_fen: l.credit_fen,
        })
        .collect();
    let new = NewEntry {
        compound_id: compound.id,
        entry_date: cmd.entry_date.unwrap_or(today),
        memo: reversal_memo(original.number, &reason),
        voucher_no: original.voucher_no.clone(),
        lines: reversal_of(&lines),
        reverses: Some(original.id),
    };
    // Store, audit and event.
    let id = public_revenue::post(tx, &caller.audit, compound.path.as_str(), &new)
        .await
        .map_err(|e| match e {
            // Two reversals raced: the unique `reverses_id` let one through.
            StoreError::Domain(DomainError::Conflict(_)) => DomainError::WrongState {
                code: "already_reversed",
                detail: "该分录已被冲销 / the entry is already reversed".into(),
                allowed: vec![],
            }
            .into(),
            other => other,
        })?;
    entry_with_lines(tx, compound.id.into(), id.into()).await
}
