//! Attaching a voucher (凭证) to an entry.

use linli_domain::ids::{LedgerEntryId, VoucherId};
use linli_domain::{media::clean_file_name, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    public_revenue::{self, NewVoucher, Voucher},
};
use uuid::Uuid;

use super::entry_in_scope;
use crate::{Caller, Result};

/// Where a voucher about to be uploaded goes, once the caller may add it.
#[derive(Debug, Clone)]
pub struct VoucherSlot {
    pub entry_id: LedgerEntryId,
    pub voucher_id: VoucherId,
    /// Relative to the upload directory.
    pub stored_path: String,
}

/// A voucher file, stored at its slot's path.
#[derive(Debug, Clone)]
pub struct AddVoucher {
    pub slot: VoucherSlot,
    pub content_type: &'static str,
    pub size_bytes: i32,
    pub sha256: Vec<u8>,
    /// The name given by the uploader (cleaned before it is kept).
    pub file_name: Option<String>,
}

/// Whether the caller may add a voucher to the entry (they may post in its compound's
/// ledger), and where it goes if so. Asked before the bytes are read, so none are read
/// in vain.
pub async fn voucher_slot(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    entry_id: LedgerEntryId,
) -> Result<VoucherSlot> {
    let scope = caller.scope(Action::PostLedger)?;
    let (_, entry) = entry_in_scope(tx, &scope, entry_id).await?;
    let voucher_id = Uuid::now_v7();
    Ok(VoucherSlot {
        entry_id: entry.id.into(),
        voucher_id: voucher_id.into(),
        stored_path: format!("vouchers/{}/{voucher_id}", entry.id),
    })
}

/// Records the stored voucher (asking [`voucher_slot`]'s questions again: time passed
/// while it was uploaded); the entry itself does not change. Audited; returns the
/// entry's vouchers.
pub async fn add_voucher(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: AddVoucher,
) -> Result<Vec<Voucher>> {
    let scope = caller.scope(Action::PostLedger)?;
    let (compound, entry) = entry_in_scope(tx, &scope, cmd.slot.entry_id).await?;
    let new = NewVoucher {
        id: cmd.slot.voucher_id.into(),
        content_type: cmd.content_type,
        size_bytes: cmd.size_bytes,
        sha256: cmd.sha256,
        file_name: clean_file_name(cmd.file_name.as_deref().unwrap_or("voucher")),
        stored_path: cmd.slot.stored_path,
    };
    public_revenue::add_voucher(tx, &caller.audit, &entry, compound.path.as_str(), &new).await?;
    public_revenue::vouchers(tx, entry.id).await
}
