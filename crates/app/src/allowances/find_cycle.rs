//! One payment cycle.

use linli_domain::ids::PaymentCycleId;
use linli_persistence::{AsyncPgConnection, allowances::Cycle};

use super::readable_cycle;
use crate::{Caller, Result};

/// One cycle the caller may see.
pub async fn find_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: PaymentCycleId,
) -> Result<Cycle> {
    Ok(readable_cycle(tx, caller, id).await?.0)
}
