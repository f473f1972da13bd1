//! Adding an account to a compound's chart.

use linli_domain::ids::CompoundId;
use linli_domain::{
    DomainError,
    policy::Action,
    public_revenue::{AccountDraft, AccountKind, check_account},
};
use linli_persistence::{
    AsyncPgConnection, compounds,
    public_revenue::{self, Account, NewAccount},
};

use crate::{Caller, Result};

/// An account of the compound's own.
#[derive(Debug, Clone)]
pub struct CreateAccount {
    pub compound_id: CompoundId,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub kind: AccountKind,
    /// One of the standard categories of `kind`.
    pub category: String,
}

/// Adds an account to the compound's chart (opening the standard chart first if needed);
/// a code already in use is a field error. Audited; returns the account.
pub async fn create_account(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CreateAccount,
) -> Result<Account> {
    // Authorise.
    let scope = caller.scope(Action::PostLedger)?;
    // Validate.
    check_account(&AccountDraft {
        code: &cmd.code,
        name_zh: &cmd.name_zh,
        name_en: &cmd.name_en,
        kind: cmd.kind,
        category: &cmd.category,
    })?;
    // Load.
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope).await?;
    public_revenue::ensure_chart(tx, compound.id).await?;
    // Store and audit.
    let new = NewAccount {
        code: cmd.code,
        name_zh: cmd.name_zh.trim().to_owned(),
        name_en: cmd.name_en.trim().to_owned(),
        kind: cmd.kind,
        category: cmd.category,
    };
    let account_id =
        public_revenue::add_account(tx, &caller.audit, compound.id, compound.path.as_str(), &new)
            .await?;
    public_revenue::accounts(tx, compound.id, None)
        .await?
        .into_iter()
        .find(|a| a.id == account_id)
        .ok_or_else(|| DomainError::NotFound("account").into())
}
