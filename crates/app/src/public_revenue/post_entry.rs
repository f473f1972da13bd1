//! Posting a journal entry (记账).

use chrono::NaiveDate;
use linli_domain::ids::CompoundId;
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{Line, check_balanced, checked_memo, checked_voucher_no},
};
use linli_persistence::{
    AsyncPgConnection, compounds,
    public_revenue::{self, NewEntry},
};

use super::{Entry, entry_with_lines};
use crate::{Caller, Result};

/// An entry as its bookkeeper writes it.
#[derive(Debug, Clone)]
pub struct PostEntry {
    pub compound_id: CompoundId,
    pub entry_date: NaiveDate,
    pub memo: String,
    pub voucher_no: Option<String>,
    pub lines: Vec<Line>,
}

/// Posts a balanced entry on the compound's own active accounts into an open month (the
/// committee, the property company or government staff over the compound). Audited and
/// announced; returns the entry with its lines.
pub async fn post_entry(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: PostEntry,
) -> Result<Entry> {
    // Authorise.
    let scope = caller.scope(Action::PostLedger)?;
    // Validate.
    check_balanced(&cmd.lines)?;
    let memo = checked_memo(&cmd.memo)?;
    let voucher_no = checked_voucher_no(cmd.voucher_no.as_deref())?;
    // Load: the compound in the caller's scope, its accounts.
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope).await?;
    let accounts = public_revenue::chart(tx, compound.id).await?;
    for (i, line) in cmd.lines.iter().enumerate() {
        if !accounts
            .iter()
            .any(|a| a.id == line.account_id.into() && a.active)
        {
            return Err(DomainError::field(
                &format!("lines[{i}].account_id"),
                "科目不属于本小区或已停用 / the account is not one of this compound's active accounts",
            )
            .into());
        }
    }
    // Store, audit and event (the database refuses a closed month).
    let new = NewEntry {
        compound_id: compound.id,
        entry_date: cmd.entry_date,
        memo,
        voucher_no,
        lines: cmd.lines,
        reverses: None,
    };
    let id = public_revenue::post(tx, &caller.audit, compound.path.as_str(), &new).await?;
    entry_with_lines(tx, compound.id.into(), id.into()).await
}
