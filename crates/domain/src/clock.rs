//! The one clock Linli reads "now" and "today" from.
//!
//! In production it is the system clock. For the demo and the tests it can run shifted by a
//! fixed offset (`LINLI_CLOCK=+365d`) or start at a given instant and run on from there
//! (`LINLI_CLOCK=2027-12-01T09:00:00+08:00`), so that a test written today still holds next
//! year and a year-ahead run proves it. PostgreSQL follows the same clock: the pool sets the
//! offset on every connection (`linli.clock_offset`, seconds) and SQL reads `linli_now()` and
//! `linli_today()` instead of `now()` and `current_date`.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use crate::calendar::china;

/// Where "now" comes from: the system clock, shifted by a fixed offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    offset: TimeDelta,
}

/// A `LINLI_CLOCK` value that is neither an offset nor an instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "LINLI_CLOCK must be an offset such as +365d, -12h, +90m, +30s or an RFC 3339 instant such as 2027-12-01T09:00:00+08:00, not `{0}`"
)]
pub struct ClockSpecError(pub String);

impl Clock {
    /// The system clock, unshifted (production).
    pub const fn system() -> Self {
        Clock {
            offset: TimeDelta::zero(),
        }
    }

    /// The system clock shifted by `offset` (whole seconds; sub-second parts are dropped so
    /// the database, which is told whole seconds, agrees to the second).
    pub fn offset_by(offset: TimeDelta) -> Self {
        Clock {
            offset: TimeDelta::seconds(offset.num_seconds()),
        }
    }

    /// A clock that reads `at` now and runs on from there.
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        Self::offset_by(at - Utc::now())
    }

    /// Reads a `LINLI_CLOCK` value: `+365d`, `-12h`, `+90m`, `+30s`, a bare number of
    /// seconds, or an RFC 3339 instant.
    pub fn parse(spec: &str) -> Result<Self, ClockSpecError> {
        let spec = spec.trim();
        let bad = || ClockSpecError(spec.to_owned());
        if spec.is_empty() {
            return Err(bad());
        }
        if let Ok(at) = DateTime::parse_from_rfc3339(spec) {
            return Ok(Self::starting_at(at.with_timezone(&Utc)));
        }
        let (sign, rest) = match spec.as_bytes()[0] {
            b'+' => (1, &spec[1..]),
            b'-' => (-1, &spec[1..]),
            _ => (1, spec),
        };
        let (digits, unit) = match rest.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
            Some((at, _)) => rest.split_at(at),
            None => (rest, "s"),
        };
        let amount: i64 = digits.parse().map_err(|_| bad())?;
        let seconds_per_unit = match unit {
            "d" => 86_400,
            "h" => 3_600,
            "m" => 60,
            "s" => 1,
            _ => return Err(bad()),
        };
        let seconds = amount
            .checked_mul(seconds_per_unit)
            .and_then(|s| s.checked_mul(sign))
            .filter(|s| s.abs() <= 100 * 366 * 86_400)
            .ok_or_else(bad)?;
        Ok(Self::offset_by(TimeDelta::seconds(seconds)))
    }

    /// The current instant.
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }

    /// Today's date in China (Asia/Shanghai, UTC+8): what "today" means to a clerk in
    /// Changsha, whatever the server's zone.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&china()).date_naive()
    }

    /// How far this clock runs ahead of the system clock (negative: behind).
    pub fn offset(&self) -> TimeDelta {
        self.offset
    }

    /// The offset in whole seconds, as PostgreSQL is told it.
    pub fn offset_seconds(&self) -> i64 {
        self.offset.num_seconds()
    }

    /// True when this is not the plain system clock.
    pub fn is_shifted(&self) -> bool {
        !self.offset.is_zero()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse_with_units_and_signs() {
        let cases = [
            ("+365d", 365 * 86_400),
            ("-12h", -12 * 3_600),
            ("+90m", 90 * 60),
            ("30s", 30),
            ("3600", 3_600),
            ("-0d", 0),
        ];
        for (spec, seconds) in cases {
            assert_eq!(
                Clock::parse(spec).map(|c| c.offset_seconds()),
                Ok(seconds),
                "{spec}"
            );
        }
    }

    #[test]
    fn nonsense_and_absurd_offsets_are_refused() {
        for spec in [
            "",
            "+",
            "d",
            "+1y",
            "+1.5d",
            "tomorrow",
            "+99999999999d",
            "+40000d",
        ] {
            assert!(Clock::parse(spec).is_err(), "{spec}");
        }
    }

    #[test]
    fn an_instant_starts_the_clock_there() {
        let clock = Clock::parse("2027-12-01T09:00:00+08:00").unwrap_or_default();
        let expected = DateTime::parse_from_rfc3339("2027-12-01T01:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert!((clock.now() - expected).num_seconds().abs() <= 2);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2027, 12, 1).unwrap_or_default()
        );
    }

    #[test]
    fn today_is_the_date_in_china() {
        // 20:00 UTC is already the next day in Changsha.
        let at = DateTime::parse_from_rfc3339("2026-11-30T20:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let clock = Clock::starting_at(at);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
        );
        assert!(clock.is_shifted());
        assert!(!Clock::system().is_shifted());
    }
}
