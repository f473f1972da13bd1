//! The bank transfer file of a disbursed cycle.

use linli_domain::DomainError;
use linli_domain::ids::PaymentCycleId;
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle, Programme, Transfer},
};

use super::prepared_cycle;
use crate::{Caller, Result};

/// What the bank file lists: the cycle, its programme and its transfers (full account
/// numbers), in line order.
#[derive(Debug, Clone)]
pub struct BankFile {
    pub cycle: Cycle,
    pub programme: Programme,
    pub transfers: Vec<Transfer>,
}

/// The transfers of a disbursed cycle the caller prepares, for the bank; every export is
/// audited.
pub async fn bank_file(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
) -> Result<BankFile> {
    // Authorise.
    let (cycle, programme) = prepared_cycle(tx, caller, cycle_id).await?;
    // Load.
    let transfers = allowances::transfers(tx, cycle.id).await?;
    if transfers.is_empty() {
        return Err(DomainError::WrongState {
            code: "cycle_not_disbursed",
            detail: "批次尚未发放，没有转账文件 / the cycle has not been disbursed".into(),
            allowed: vec![],
        }
        .into());
    }
    // Audit.
    allowances::record_export(tx, &caller.audit, &cycle, transfers.len()).await?;
    Ok(BankFile {
        cycle,
        programme,
        transfers,
    })
}
