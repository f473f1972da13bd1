//! The working-day calendar complaint deadlines run on: weekends and public holidays do
//! not count, make-up working days (调休上班) do. Time is China Standard Time (UTC+8, no
//! daylight saving).

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, Offset, TimeZone, Utc, Weekday,
};

/// China Standard Time.
pub fn china() -> FixedOffset {
    // 8 h is within ±24 h, so the offset always exists; UTC is only a formal fallback.
    FixedOffset::east_opt(8 * 3600).unwrap_or(Utc.fix())
}

/// The years the calendar can be asked about (as the contract's `year` says). Outside them
/// there are no deadlines to count, and far outside them PostgreSQL cannot even build the
/// year's dates.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The calendar year asked for, or a field error on `year`.
pub fn checked_year(year: i32) -> Result<i32, crate::DomainError> {
    if YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(crate::DomainError::field(
            "year",
            format!(
                "年份须在 {} 到 {} 之间 / year must be between {} and {}",
                YEARS.start(),
                YEARS.end(),
                YEARS.start(),
                YEARS.end()
            ),
        ))
    }
}

/// What a day is declared (`holiday`, `workday`, or `normal`, which removes the entry and
/// is `None`) with its note of at most 50 characters.
pub fn checked_day_kind(
    kind: &str,
    note: &str,
) -> Result<Option<&'static str>, crate::DomainError> {
    let kind = match kind {
        "holiday" => Some("holiday"),
        "workday" => Some("workday"),
        "normal" => None,
        _ => {
            return Err(crate::DomainError::field(
                "kind",
                "须为 holiday、workday 或 normal / must be holiday, workday or normal",
            ));
        }
    };
    if note.chars().count() > 50 {
        return Err(crate::DomainError::field(
            "note",
            "最多 50 个字 / at most 50 characters",
        ));
    }
    Ok(kind)
}

/// Holidays and make-up working days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingCalendar {
    pub holidays: BTreeSet<NaiveDate>,
    /// Weekend days that are working days (调休上班).
    pub makeup_workdays: BTreeSet<NaiveDate>,
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn span(y: i32, m: u32, from: u32, to: u32) -> Vec<NaiveDate> {
    (from..=to).filter_map(|d| date(y, m, d)).collect()
}

impl WorkingCalendar {
    /// The State Council's public-holiday arrangement for 2026 (国办发明电〔2025〕号通知).
    pub fn china_2026() -> Self {
        let holidays = [
            span(2026, 1, 1, 3),   // 元旦
            span(2026, 2, 15, 23), // 春节
            span(2026, 4, 4, 6),   // 清明节
            span(2026, 5, 1, 5),   // 劳动节
            span(2026, 6, 19, 21), // 端午节
            span(2026, 9, 25, 27), // 中秋节
            span(2026, 10, 1, 7),  // 国庆节
        ]
        .into_iter()
        .flatten()
        .collect();
        let makeup_workdays = [(1, 4), (2, 14), (2, 28), (5, 9), (9, 20), (10, 10)]
            .into_iter()
            .filter_map(|(m, d)| date(2026, m, d))
            .collect();
        WorkingCalendar {
            holidays,
            makeup_workdays,
        }
    }

    /// Whether people work on `day`.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        if self.makeup_workdays.contains(&day) {
            return true;
        }
        if self.holidays.contains(&day) {
            return false;
        }
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The moment `hours` working hours after `start`: only hours on working days count
    /// (a complaint signed for on Friday evening with 24 hours left is due Monday evening).
    pub fn add_working_hours(&self, start: DateTime<Utc>, hours: i64) -> DateTime<Utc> {
        let tz = china();
        let mut now = start.with_timezone(&tz);
        let mut left = Duration::hours(hours.max(0));
        // Bounded: even a 10-year SLA ends; protects against a calendar with no working days.
        for _ in 0..3660 {
            let day = now.date_naive();
            let next_midnight = day
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .and_then(|d| tz.from_local_datetime(&d).single())
                .unwrap_or(now + Duration::days(1));
            if self.is_working_day(day) {
                let available = next_midnight - now;
                if left <= available {
                    return (now + left).with_timezone(&Utc);
                }
                left -= available;
            }
            now = next_midnight;
        }
        now.with_timezone(&Utc)
    }

    /// Working hours between two moments (0 when `end` is not after `start`).
    pub fn working_hours_between(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> f64 {
        let tz = china();
        let (mut now, end) = (start.with_timezone(&tz), end.with_timezone(&tz));
        let mut total = Duration::zero();
        while now < end {
            let day = now.date_naive();
            let next_midnight = day
                .succ_opt()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .and_then(|d| tz.from_local_datetime(&d).single())
                .unwrap_or(now + Duration::days(1));
            let until = next_midnight.min(end);
            if self.is_working_day(day) {
                total += until - now;
            }
            now = until;
        }
        total.num_seconds() as f64 / 3600.0
    }
}

impl WorkingCalendar {
    /// A calendar from stored days: `(day, is_holiday)`.
    pub fn from_days(days: impl IntoIterator<Item = (NaiveDate, bool)>) -> Self {
        let mut cal = WorkingCalendar::default();
        for (day, holiday) in days {
            if holiday {
                cal.holidays.insert(day);
            } else {
                cal.makeup_workdays.insert(day);
            }
        }
        cal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_a_holiday_a_workday_or_normal_with_a_short_note() {
        assert_eq!(checked_day_kind("holiday", "春节"), Ok(Some("holiday")));
        assert_eq!(checked_day_kind("normal", ""), Ok(None));
        assert!(checked_day_kind("weekend", "").is_err());
        assert!(checked_day_kind("workday", &"调".repeat(51)).is_err());
    }

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        china()
            .with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn weekends_holidays_and_makeup_days() {
        let cal = WorkingCalendar::china_2026();
        let day = |m, d| date(2026, m, d).unwrap_or_default();
        assert!(cal.is_working_day(day(11, 26))); // Thursday
        assert!(!cal.is_working_day(day(11, 28))); // Saturday
        assert!(!cal.is_working_day(day(10, 5))); // National Day
        assert!(cal.is_working_day(day(10, 10))); // Saturday, make-up day
        assert!(cal.is_working_day(day(1, 4))); // Sunday, make-up day
    }

    #[test]
    fn deadlines_skip_the_weekend() {
        let cal = WorkingCalendar::china_2026();
        // Friday 2026-11-27 18:00 + 24 working hours: 6 h left on Friday, 18 h on Monday.
        assert_eq!(
            cal.add_working_hours(at(2026, 11, 27, 18), 24),
            at(2026, 11, 30, 18)
        );
    }

    #[test]
    fn deadlines_skip_a_holiday_and_count_a_makeup_day() {
        let cal = WorkingCalendar::china_2026();
        // Wednesday 2026-09-30 12:00 + 24 h: 12 h on the 30th, then the holiday (1–7 Oct)
        // and the weekend pass, the make-up Saturday 10 Oct gives the other 12.
        assert_eq!(
            cal.add_working_hours(at(2026, 9, 30, 12), 24),
            at(2026, 10, 8, 12)
        );
        // Friday 2026-10-09 12:00 + 24 h: 12 h Friday, 12 h on the make-up Saturday.
        assert_eq!(
            cal.add_working_hours(at(2026, 10, 9, 12), 24),
            at(2026, 10, 10, 12)
        );
        // Starting on a holiday: the clock waits for the next working day.
        assert_eq!(
            cal.add_working_hours(at(2026, 10, 3, 9), 2),
            at(2026, 10, 8, 2)
        );
    }

    #[test]
    fn elapsed_working_hours() {
        let cal = WorkingCalendar::china_2026();
        assert_eq!(
            cal.working_hours_between(at(2026, 11, 27, 18), at(2026, 11, 30, 18)),
            24.0
        );
        assert_eq!(
            cal.working_hours_between(at(2026, 11, 28, 0), at(2026, 11, 30, 0)),
            0.0
        );
    }
}
