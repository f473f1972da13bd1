//! Seals the audit chain behind the writers: changes record unsealed audit rows, this
//! chains them about a second later (see `linli_persistence::audit_log`).

use std::time::Duration;

use linli_persistence::{Db, audit_log};

/// How often committed audit rows are chained.
const EVERY: Duration = Duration::from_secs(1);

/// Runs until the process ends. Several processes may run it: one seals at a time, the
/// others find the chain locked and wait for their next turn.
pub async fn run(db: Db) {
    crate::periodic::every(db, EVERY, async |conn| match audit_log::seal(conn).await {
        Ok(n) if n > 1000 => log::info!("audit sealer: {n} entries chained"),
        Ok(_) => {}
        Err(e) => log::warn!("audit sealer: {e}"),
    })
    .await;
}
