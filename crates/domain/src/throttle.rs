//! Sign-in throttling: how many failures are tolerated, and for how long a caller waits.

use chrono::{DateTime, Duration, Utc};

/// Failures counted over this sliding window.
pub const WINDOW_MINUTES: i64 = 15;
/// Failed sign-ins one account tolerates per window; the next attempt is refused.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failed sign-ins one client address tolerates per window (several people may share an
/// office's address, so it is looser than the per-account limit).
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;

/// Recent failures of one key (an account or a client address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    /// The oldest failure still inside the window.
    pub oldest: Option<DateTime<Utc>>,
}

/// Seconds the caller must wait before trying again, or `None` when an attempt may go ahead.
pub fn retry_after(account: Failures, client: Failures, now: DateTime<Utc>) -> Option<i64> {
    let wait = |f: Failures, max: i64| {
        (f.count >= max).then(|| {
            let until = f.oldest.unwrap_or(now) + Duration::minutes(WINDOW_MINUTES);
            (until - now).num_seconds().max(1)
        })
    };
    match (
        wait(account, MAX_FAILURES_PER_ACCOUNT),
        wait(client, MAX_FAILURES_PER_CLIENT),
    ) {
        (Some(a), Some(c)) => Some(a.max(c)),
        (a, c) => a.or(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(count: i64, minutes_ago: i64, now: DateTime<Utc>) -> Failures {
        Failures {
            count,
            oldest: Some(now - Duration::minutes(minutes_ago)),
        }
    }

    #[test]
    fn five_failures_lock_the_account_until_the_oldest_leaves_the_window() {
        let now = Utc::now();
        assert_eq!(retry_after(f(4, 10, now), f(4, 10, now), now), None);
        assert_eq!(retry_after(f(5, 10, now), f(5, 10, now), now), Some(300));
        assert_eq!(retry_after(f(0, 0, now), f(20, 1, now), now), Some(840));
    }
}
