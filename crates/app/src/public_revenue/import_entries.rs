//! Importing a cash journal (收支流水) into a compound's ledger.

use linli_domain::ids::CompoundId;
use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    sync::{Arc, Mutex, PoisonError},
    task::{Poll, Waker},
};

use futures_util::future::poll_fn;
use linli_domain::{
    media::clean_file_name,
    policy::Action,
    public_revenue::{RowError, parse_cash_journal},
};
use linli_persistence::{
    AsyncPgConnection, StoreError, compounds,
    public_revenue::{self, ImportFile, ImportOutcome},
};

use crate::{Caller, Result};

/// A cash journal file.
#[derive(Debug, Clone)]
pub struct ImportEntries {
    pub compound_id: CompoundId,
    /// The file's name, kept with the import.
    pub file_name: Option<String>,
    /// The file's SHA-256: the same file is imported once.
    pub sha256: Vec<u8>,
    pub bytes: Vec<u8>,
}

/// What became of an imported file.
#[derive(Debug, Clone)]
pub enum Imported {
    /// Posted now, or (`replayed`) before.
    Posted(ImportOutcome),
    /// Refused, with every problem found; nothing was posted.
    Refused(Vec<RowError>),
}

/// Whether the caller may import into the compound's ledger (they may post there). Asked
/// before the file is read, so none is read in vain.
pub async fn import_target(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    compound_id: CompoundId,
) -> Result<CompoundId> {
    let scope = caller.scope(Action::PostLedger)?;
    Ok(compounds::find_in_scope(tx, compound_id.uuid(), &scope)
        .await?
        .id
        .into())
}

/// Imports a cash journal into the compound's ledger: every row becomes a two-line entry
/// against the bank or cash, all of them or none. A file with any problem is refused with
/// each problem; the same file imported again posts nothing and answers with the first
/// import (even if its months have closed since). Audited and announced.
pub async fn import_entries(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: ImportEntries,
) -> Result<Imported> {
    // Authorise and load.
    let scope = caller.scope(Action::PostLedger)?;
    let compound = compounds::find_in_scope(tx, cmd.compound_id.into(), &scope).await?;
    let accounts = public_revenue::chart(tx, compound.id).await?;
    let closed = public_revenue::closed_months(tx, compound.id).await?;
    if let Some(previous) = public_revenue::previous_import(tx, compound.id, &cmd.sha256).await? {
        return Ok(Imported::Posted(previous));
    }
    // Validate.
    let bytes = cmd.bytes;
    let rows = match on_own_thread(move || parse_cash_journal(&bytes, &accounts, &closed)).await? {
        Ok(rows) => rows,
        Err(problems) => return Ok(Imported::Refused(problems)),
    };
    // Store, audit and event.
    let file = ImportFile {
        name: clean_file_name(cmd.file_name.as_deref().unwrap_or("import.csv")),
        sha256: cmd.sha256,
    };
    let outcome = public_revenue::import(
        tx,
        &caller.audit,
        compound.id,
        compound.path.as_str(),
        &file,
        &rows,
        &mut |_| {},
    )
    .await?;
    Ok(Imported::Posted(outcome))
}

/// Runs `work` on a thread of its own, so a large file does not hold up the requests
/// that share the caller's thread.
async fn on_own_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    type Slot<T> = (Option<std::thread::Result<T>>, Option<Waker>);
    let slot: Arc<Mutex<Slot<T>>> = Arc::new(Mutex::new((None, None)));
    let theirs = Arc::clone(&slot);
    std::thread::spawn(move || {
        let done = catch_unwind(AssertUnwindSafe(work));
        let mut s = theirs.lock().unwrap_or_else(PoisonError::into_inner);
        s.0 = Some(done);
        if let Some(waker) = s.1.take() {
            waker.wake();
        }
    });
    let done = poll_fn(|cx| {
        let mut s = slot.lock().unwrap_or_else(PoisonError::into_inner);
        match s.0.take() {
            Some(done) => Poll::Ready(done),
            None => {
                s.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    })
    .await;
    done.map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .copied()
            .unwrap_or("it panicked");
        StoreError::Unavailable(format!("the cash journal could not be read: {why}"))
    })
}
