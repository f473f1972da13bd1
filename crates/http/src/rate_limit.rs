//! The rate limits of expensive operations ([`linli_domain::rate`]), kept per server
//! process: each caller (a person or an API key) has one instant per kind. Several servers
//! behind one address each keep their own, so the district-wide limit is the per-server
//! limit times the number of servers.

use std::{collections::HashMap, sync::Mutex};

use chrono::{DateTime, Utc};
use linli_domain::{
    DomainError,
    rate::{Expensive, admit},
};

use crate::auth::Caller;

/// Entries kept before the stale ones are swept.
const SWEEP_AT: usize = 10_000;

/// The callers' theoretical arrival times, by caller and kind.
#[derive(Debug, Default)]
pub struct RateLimits {
    next: Mutex<HashMap<(String, Expensive), DateTime<Utc>>>,
}

impl RateLimits {
    /// Admits `caller`'s request of `kind` at `now`, or refuses it with 429
    /// `rate_limited` and `Retry-After`.
    pub fn admit(
        &self,
        caller: &Caller,
        kind: Expensive,
        now: DateTime<Utc>,
    ) -> Result<(), DomainError> {
        let key = (caller.principal.key(), kind);
        let mut next = self
            .next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if next.len() >= SWEEP_AT {
            next.retain(|_, tat| *tat > now);
        }
        match admit(kind.rate(), next.get(&key).copied(), now) {
            Ok(tat) => {
                next.insert(key, tat);
                Ok(())
            }
            Err(wait) => Err(DomainError::TooManyAttempts {
                code: "rate_limited",
                detail: format!(
                    "操作过于频繁，请 {wait} 秒后再试 / too many {kind} requests; try again in {wait} s"
                ),
                retry_after_secs: u64::try_from(wait.max(1)).unwrap_or(1),
            }),
        }
    }
}
