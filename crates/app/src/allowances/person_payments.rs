//! A person's allowance history.

use linli_domain::ids::PersonId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Line},
};

use super::patterns;
use crate::{Caller, Result};

/// A person's lines across the cycles the caller may see, newest month first.
pub async fn person_payments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    person_id: PersonId,
) -> Result<Vec<Line>> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    if !allowances::person_visible(tx, &patterns, person_id.into()).await? {
        return Err(DomainError::NotFound("person").into());
    }
    allowances::person_history(tx, &patterns, person_id.into()).await
}
