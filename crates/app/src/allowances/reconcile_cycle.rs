//! Importing the bank's return file of a disbursed cycle.

use linli_domain::ids::PaymentCycleId;
use linli_domain::{allowance::parse_bank_return, policy::Action, public_revenue::RowError};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, ReconcileOutcome},
};

use super::{patterns, prepared_cycle};
use crate::{Caller, Result};

/// A bank return file for a cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReconcileCycle {
    pub cycle_id: PaymentCycleId,
    /// The file as received (CSV).
    pub file: Vec<u8>,
}

/// Applies a bank return file to a disbursed cycle the caller prepares: each transfer paid
/// or failed. Answers what changed, or every problem by row and column (then nothing
/// changes).
pub async fn reconcile_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: ReconcileCycle,
) -> Result<std::result::Result<ReconcileOutcome, Vec<RowError>>> {
    // Authorise.
    let (cycle, _) = prepared_cycle(tx, caller, cmd.cycle_id).await?;
    // Validate.
    let outcomes = match parse_bank_return(&cmd.file) {
        Ok(outcomes) => outcomes,
        Err(errors) => return Ok(Err(errors)),
    };
    // Decide, store, audit and events.
    let patterns = patterns(caller, Action::ReadAllowances)?;
    allowances::reconcile(
        tx,
        &caller.audit,
        &patterns,
        cycle.id,
        &allowances::return_file_digest(&cmd.file),
        &outcomes,
    )
    .await
}
