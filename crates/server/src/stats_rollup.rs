//! Keeps the complaint statistics rollup small: the complaint triggers append signed
//! deltas, and this folds them into the rollup every few seconds (see
//! `linli_persistence::complaint_stats`). Readers add pending deltas themselves, so the
//! interval changes how much they add, never a figure.

use std::time::Duration;

use linli_persistence::{Db, complaint_stats};

/// How often deltas are folded: at the API's peak (~300 filings a second) a reader then
/// adds at most a few thousand pending rows.
const EVERY: Duration = Duration::from_secs(5);

/// Runs until the process ends. Several processes may run it: compactions take turns.
pub async fn run(db: Db) {
    crate::periodic::every(db, EVERY, async |conn| {
        match complaint_stats::compact(conn).await {
            Ok(n) if n > 10_000 => log::info!("statistics rollup: {n} deltas folded"),
            Ok(_) => {}
            Err(e) => log::warn!("statistics rollup: {e}"),
        }
    })
    .await;
}
