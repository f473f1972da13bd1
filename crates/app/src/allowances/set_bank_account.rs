//! Setting the bank account allowances are paid into.

use linli_domain::ids::PersonId;
use linli_domain::{
    DomainError,
    allowance::{account_digits, check_bank_account},
    policy::Action,
};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, BankAccount},
    areas::{first_root, scope_patterns},
    registry::people,
};

use crate::{Caller, Result, access::for_write};

/// A person's bank account as a finance officer gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetBankAccount {
    pub person_id: PersonId,
    pub bank_name: String,
    /// Digits, spaces allowed between them.
    pub account_no: String,
    pub account_name: String,
}

/// Sets the bank account of a person whose home lies in the caller's area (a person seen
/// only through a post there is not theirs to change). The audit log keeps the masked
/// number. Returns the stored account.
pub async fn set_bank_account(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: SetBankAccount,
) -> Result<BankAccount> {
    // Authorise.
    let scope = caller.scope(Action::PreparePayments)?;
    let patterns = scope_patterns(&scope);
    // Validate.
    check_bank_account(&cmd.bank_name, &cmd.account_no, &cmd.account_name)?;
    // Load the person as visible, then ask for scope over their home.
    let person = people::find_visible(tx, &patterns, cmd.person_id.into()).await?;
    let person = for_write(&scope, person)?;
    // Store and audit, filed under the person's home.
    let area = person.area_path.unwrap_or_else(|| first_root(&patterns));
    allowances::set_bank_account(
        tx,
        &caller.audit,
        &area,
        person.id,
        cmd.bank_name.trim(),
        &account_digits(&cmd.account_no),
        cmd.account_name.trim(),
    )
    .await?;
    allowances::bank_account(tx, person.id)
        .await?
        .ok_or_else(|| DomainError::NotFound("bank account").into())
}
