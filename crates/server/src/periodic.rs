//! The loop behind the background workers that run on a fixed beat.

use std::time::Duration;

use linli_persistence::{Db, DbConn};

/// Runs `job` with a pooled connection every `period` until the process ends. A late
/// beat is not made up (a slow run delays the next one instead of stacking), and a beat
/// without a free connection is skipped.
pub async fn every(db: Db, period: Duration, mut job: impl AsyncFnMut(&mut DbConn)) {
    let mut tick = tokio::time::interval(period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let Ok(mut conn) = db.conn().await else {
            continue;
        };
        job(&mut conn).await;
    }
}
