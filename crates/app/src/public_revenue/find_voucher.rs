//! One voucher of an entry.

use linli_domain::DomainError;
use linli_domain::ids::{LedgerEntryId, VoucherId};
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, Voucher},
};

use super::compound_of_readable_entry;
use crate::{Caller, Result};

/// A voucher of an entry of a ledger the caller may read; `NotFound` otherwise.
pub async fn find_voucher(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    entry_id: LedgerEntryId,
    voucher_id: VoucherId,
) -> Result<Voucher> {
    compound_of_readable_entry(tx, caller, entry_id, "voucher").await?;
    public_revenue::vouchers(tx, entry_id.into())
        .await?
        .into_iter()
        .find(|v| v.id == voucher_id.uuid())
        .ok_or_else(|| DomainError::NotFound("voucher").into())
}
