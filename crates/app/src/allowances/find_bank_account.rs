//! A person's bank account.

use linli_domain::ids::PersonId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, BankAccount},
};

use super::patterns;
use crate::{Caller, Result};

/// The bank account of a person in the caller's area (full number: callers mask it);
/// not found when the person is beyond sight or has none on file.
pub async fn find_bank_account(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    person_id: PersonId,
) -> Result<BankAccount> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    if !allowances::person_visible(tx, &patterns, person_id.into()).await? {
        return Err(DomainError::NotFound("person").into());
    }
    allowances::bank_account(tx, person_id.into())
        .await?
        .ok_or_else(|| DomainError::NotFound("bank account").into())
}
