//! Reading a person's bank account and allowance history.

use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, BankAccount, Line},
};
use uuid::Uuid;

use super::patterns;
use crate::{Caller, Result};

/// The bank account of a person in the caller's area (full number: callers mask it);
/// not found when the person is beyond sight or has none on file.
pub async fn find_bank_account(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    person_id: Uuid,
) -> Result<BankAccount> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    if !allowances::person_visible(tx, &patterns, person_id).await? {
        return Err(DomainError::NotFound("person").into());
    }
    allowances::bank_account(tx, person_id)
        .await?
        .ok_or_else(|| DomainError::NotFound("bank account").into())
}

/// A person's lines across the cycles the caller may see, newest month first.
pub async fn person_payments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    person_id: Uuid,
) -> Result<Vec<Line>> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    if !allowances::person_visible(tx, &patterns, person_id).await? {
        return Err(DomainError::NotFound("person").into());
    }
    allowances::person_history(tx, &patterns, person_id).await
}
