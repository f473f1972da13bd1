//! Medians and p90s of complaint handling times read off histograms.
//!
//! The all-time dashboard figures come from a rollup that counts acceptance and
//! resolution times per bucket instead of keeping every time (migration
//! `complaint_stats_rollup`, SQL function `complaint_hours_bucket`): bucket 0 holds
//! times under a minute, bucket `b >= 1` times in `[1.05^(b-1), 1.05^b)` minutes. A
//! percentile is then located exactly (which bucket holds the wanted rank) and placed
//! inside its bucket, so it is within 5 % (or one minute) of the exact value.

use std::collections::BTreeMap;

/// How much wider each bucket is than the one before.
pub const BUCKET_RATIO: f64 = 1.05;

/// Buckets start at one minute, in hours.
const FIRST_BOUND_HOURS: f64 = 1.0 / 60.0;

/// The bucket a duration falls into; the same rule as SQL's `complaint_hours_bucket`.
pub fn bucket_of(hours: f64) -> i16 {
    let minutes = hours * 60.0;
    if minutes < 1.0 || minutes.is_nan() {
        return 0;
    }
    let b = 1.0 + (minutes.ln() / BUCKET_RATIO.ln()).floor();
    if b >= f64::from(i16::MAX) {
        i16::MAX
    } else {
        // In range by the checks above: 1 <= b < i16::MAX.
        b as i16
    }
}

/// The times a bucket covers, in hours: `[low, high)`.
pub fn bucket_bounds(bucket: i16) -> (f64, f64) {
    if bucket <= 0 {
        return (0.0, FIRST_BOUND_HOURS);
    }
    let low = FIRST_BOUND_HOURS * BUCKET_RATIO.powi(i32::from(bucket) - 1);
    (low, low * BUCKET_RATIO)
}

/// Counts of durations per bucket; merged from any number of rollup rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram {
    counts: BTreeMap<i16, i64>,
}

impl Histogram {
    /// Adds `n` durations (negative `n` removes them, as rollup deltas do).
    pub fn add(&mut self, bucket: i16, n: i64) {
        let count = self.counts.entry(bucket).or_insert(0);
        *count += n;
        if *count == 0 {
            self.counts.remove(&bucket);
        }
    }

    /// How many durations it holds.
    pub fn total(&self) -> i64 {
        self.counts.values().filter(|n| **n > 0).sum()
    }

    /// The `p`-quantile (0..=1) as PostgreSQL's `percentile_cont` defines it — the value
    /// at position `p * (n - 1)` of the sorted durations, interpolated between the two
    /// nearest — with each duration placed evenly inside its bucket. `None` when empty.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let position = p.clamp(0.0, 1.0) * (n - 1) as f64;
        let below = position.floor();
        let fraction = position - below;
        let low = self.nth(below as i64)?;
        if fraction == 0.0 {
            return Some(low);
        }
        let high = self.nth(below as i64 + 1)?;
        Some(low + fraction * (high - low))
    }

    /// The estimated `index`-th smallest duration (0-based): the bucket holding that rank,
    /// and the rank's place among the bucket's durations spread evenly across it.
    fn nth(&self, index: i64) -> Option<f64> {
        let mut before = 0;
        for (bucket, count) in self.counts.iter().filter(|(_, n)| **n > 0) {
            if index < before + count {
                let (low, high) = bucket_bounds(*bucket);
                let rank = (index - before) as f64;
                return Some(low + (high - low) * (rank + 0.5) / *count as f64);
            }
            before += count;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// PostgreSQL's `percentile_cont` over the exact values.
    fn exact(values: &[f64], p: f64) -> f64 {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let position = p * (v.len() - 1) as f64;
        let (i, fraction) = (position.floor() as usize, position - position.floor());
        if fraction == 0.0 {
            v[i]
        } else {
            v[i] + fraction * (v[i + 1] - v[i])
        }
    }

    fn histogram(values: &[f64]) -> Histogram {
        let mut h = Histogram::default();
        for v in values {
            h.add(bucket_of(*v), 1);
        }
        h
    }

    /// A deterministic spread of durations from seconds to months (xorshift).
    fn durations(seed: u64, n: usize) -> Vec<f64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let unit = (x % 1_000_000) as f64 / 1_000_000.0;
                // Log-uniform between 6 seconds and ~100 days.
                (0.1_f64 / 60.0) * (2400.0_f64 * 600.0).powf(unit)
            })
            .collect()
    }

    #[test]
    fn buckets_cover_the_durations_they_hold() {
        for hours in [
            0.0,
            0.001,
            1.0 / 60.0,
            0.5,
            1.0,
            23.99,
            24.0,
            72.0,
            2000.0,
            9000.0,
        ] {
            let (low, high) = bucket_bounds(bucket_of(hours));
            assert!(
                low <= hours * (1.0 + 1e-9) && hours < high * (1.0 + 1e-9),
                "{hours} in [{low}, {high})"
            );
        }
        assert_eq!(
            bucket_of(-3.0),
            0,
            "negative durations count as under a minute"
        );
        assert_eq!(bucket_of(1.0 / 60.0), 1);
        assert_eq!(bucket_of(f64::INFINITY), i16::MAX);
    }

    #[test]
    fn percentiles_stay_within_a_bucket_of_the_exact_value() {
        for (seed, n) in [(7, 1), (11, 2), (13, 3), (17, 10), (19, 101), (23, 5000)] {
            let values = durations(seed, n);
            let h = histogram(&values);
            assert_eq!(h.total(), n as i64);
            for p in [0.0, 0.1, 0.5, 0.9, 1.0] {
                let (estimate, truth) = (h.percentile(p).unwrap_or(f64::NAN), exact(&values, p));
                let allowed = truth * (BUCKET_RATIO - 1.0) + FIRST_BOUND_HOURS;
                assert!(
                    (estimate - truth).abs() <= allowed,
                    "n={n} p={p}: estimate {estimate} vs exact {truth}"
                );
            }
        }
    }

    #[test]
    fn removing_durations_undoes_adding_them() {
        let values = durations(29, 200);
        let mut h = histogram(&values);
        for v in &values[100..] {
            h.add(bucket_of(*v), -1);
        }
        assert_eq!(h, histogram(&values[..100]));
        assert_eq!(Histogram::default().percentile(0.5), None);
        for v in &values[..100] {
            h.add(bucket_of(*v), -1);
        }
        assert_eq!(h.percentile(0.5), None);
    }
}
