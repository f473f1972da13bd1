//! Rate limits on expensive operations (exports, imports, statistics over periods): each
//! caller may make `burst` such requests at once and `per_minute` on average, by the generic
//! cell rate algorithm — one instant kept per caller and kind, the "theoretical arrival
//! time" of their next request.

use chrono::{DateTime, Duration, Utc};

crate::text_enum! {
    /// The kinds of expensive operation, each with its own limit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Expensive {
        /// A CSV file of a list or report.
        Export = "export",
        /// A CSV file read in (a cash journal, assessments, a bank return file).
        Import = "import",
        /// Statistics computed over periods or the whole scope.
        Statistics = "statistics",
    }
}

/// How many requests of a kind a caller may make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// On average, per minute.
    pub per_minute: u32,
    /// At once, after a quiet spell.
    pub burst: u32,
}

impl Expensive {
    /// The limit of this kind.
    pub const fn rate(self) -> Rate {
        match self {
            Expensive::Export => Rate {
                per_minute: 20,
                burst: 10,
            },
            Expensive::Import => Rate {
                per_minute: 10,
                burst: 5,
            },
            Expensive::Statistics => Rate {
                per_minute: 120,
                burst: 30,
            },
        }
    }
}

/// Whether a request at `now` may go ahead, given the caller's theoretical arrival time
/// `tat` for the kind (`None`: no recent request). `Ok(new_tat)` to keep, or
/// `Err(seconds)` to wait before the next request would be admitted.
pub fn admit(
    rate: Rate,
    tat: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, i64> {
    let interval = Duration::milliseconds(60_000 / i64::from(rate.per_minute.max(1)));
    let tolerance = interval * i32::try_from(rate.burst.max(1) - 1).unwrap_or(0);
    let tat = tat.map_or(now, |t| t.max(now));
    let allowed_from = tat - tolerance;
    if now < allowed_from {
        let wait = allowed_from - now;
        return Err((wait.num_milliseconds() + 999) / 1000);
    }
    Ok(tat + interval)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_average_rate() {
        let rate = Rate {
            per_minute: 10,
            burst: 5,
        };
        let start = DateTime::<Utc>::UNIX_EPOCH;
        let mut tat = None;
        let mut take = |at: DateTime<Utc>| match admit(rate, tat, at) {
            Ok(next) => {
                tat = Some(next);
                Ok(())
            }
            Err(wait) => Err(wait),
        };
        for _ in 0..5 {
            assert_eq!(take(start), Ok(()), "within the burst");
        }
        assert_eq!(take(start), Err(6), "the sixth waits one interval");
        // After six seconds one more is admitted, then the next waits again.
        let later = start + Duration::seconds(6);
        assert_eq!(take(later), Ok(()));
        assert!(take(later).is_err());
        // After a quiet minute the burst is back.
        let quiet = later + Duration::minutes(1);
        for _ in 0..5 {
            assert_eq!(take(quiet), Ok(()), "a fresh burst");
        }
        assert!(take(quiet).is_err());
    }
}
