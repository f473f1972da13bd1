//! The demo's calendar: its story is written as of 26 November 2026 and told as of the day
//! it is loaded.
//!
//! The demo modules keep their story dates as written (`ymd(2026, 11, 26)` is the story's
//! "today") and map every date, instant and Chinese text through a [`DemoCalendar`] where it
//! leaves the plan for the database. Two scales:
//!
//! - months ([`DemoCalendar::date`], [`DemoCalendar::at`], [`DemoCalendar::text`]): books,
//!   disclosures, audits, allowances and the registry are month-structured; the story's
//!   November 2026 is always last month, so a load in any day of December 2026 moves nothing
//!   and a load in March 2028 tells the same story fifteen months later;
//! - days ([`DemoCalendar::day`], [`DemoCalendar::day_at`]): the volunteering story's "today"
//!   (26 November, with live activities today and tomorrow) is always the load day.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};

/// The story's "today": the demo modules are written as of this day.
pub const STORY_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 26) {
    Some(date) => date,
    None => panic!("invalid story date"),
};

/// The story's year: a month written without a year belongs to it.
const STORY_YEAR: i32 = 2026;
/// The story's current month (December 2026), which the load month stands for.
const STORY_MONTH_INDEX: i32 = STORY_YEAR * 12 + 12;

/// China Standard Time is UTC+8 all year.
const CHINA_HOURS: i64 = 8;

const QUARTER_DIGITS: [char; 4] = ['一', '二', '三', '四'];

/// Maps the demo's story dates (written as of 2026) onto the day the demo is loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCalendar {
    months: i32,
    days: i64,
}

impl DemoCalendar {
    /// `today` = the load day in China. months = (today.year*12 + today.month) - (2026*12 + 12):
    /// the story's November 2026 is always LAST month (so on any day of December 2026 nothing
    /// moves). days = (today - 2026-11-26) in days: the volunteering story's "today" (26 Nov)
    /// is always today.
    pub fn for_today(today: NaiveDate) -> Self {
        DemoCalendar {
            months: today.year() * 12 + today.month() as i32 - STORY_MONTH_INDEX,
            days: (today - STORY_TODAY).num_days(),
        }
    }

    /// The story as written, nothing shifted: what the tests of the story's own facts use.
    pub const fn story() -> Self {
        DemoCalendar { months: 0, days: 0 }
    }

    pub fn months(&self) -> i32 {
        self.months
    }

    pub fn days(&self) -> i64 {
        self.days
    }

    /// The load day: the story's today on the day scale.
    pub fn today(&self) -> NaiveDate {
        self.day(STORY_TODAY)
    }

    /// Month-level shift of a story date: same day of month, clamped to the month's length;
    /// the last day of a month stays the last day of the target month (period ends like
    /// 09-30 -> month end).
    pub fn date(&self, story: NaiveDate) -> NaiveDate {
        let (year, month) = shift_month(story.year(), story.month(), self.months);
        let last = last_day(year, month);
        let day = if story.day() == last_day(story.year(), story.month()) {
            last
        } else {
            story.day().min(last)
        };
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or(story)
    }

    /// Month-level shift of a story instant (its date in China shifted as `date`, time of
    /// day kept).
    pub fn at(&self, story: DateTime<Utc>) -> DateTime<Utc> {
        let china = story.naive_utc() + TimeDelta::hours(CHINA_HOURS);
        let shifted = self.date(china.date()).and_time(china.time());
        shifted.and_utc() - TimeDelta::hours(CHINA_HOURS)
    }

    /// Day-level shift (volunteering): story + days.
    pub fn day(&self, story: NaiveDate) -> NaiveDate {
        TimeDelta::try_days(self.days)
            .and_then(|d| story.checked_add_signed(d))
            .unwrap_or(story)
    }

    /// Day-level shift of an instant: story + days (the time of day in China is kept).
    pub fn day_at(&self, story: DateTime<Utc>) -> DateTime<Utc> {
        TimeDelta::try_days(self.days)
            .and_then(|d| story.checked_add_signed(d))
            .unwrap_or(story)
    }

    /// A year mentioned alone (`2025年度`): it moves as the story's year of that context
    /// would, i.e. to the year of (that year's June + months).
    pub fn year(&self, story_year: i32) -> i32 {
        shift_month(story_year, 6, self.months).0
    }

    /// The story's years and months in Chinese text shifted by `months`: "2026年8月" ->
    /// "2026年9月" when months = 1; "2026年8月18日" keeps its day (clamped, and a month's
    /// last day stays the last day, as [`Self::date`]); a month without a year ("10月31日前")
    /// belongs to the year last mentioned (else 2026) and stays without one unless its year
    /// now differs from the one written before it; "2025年度"/"2026年" shift their year by
    /// the whole-year part only where no month follows (see [`Self::year`]);
    /// "2026年第三季度" (or "第三季度") stays a quarter when months % 3 == 0 and otherwise
    /// becomes "2026年8月至10月" (its months shifted; a following "（7月至9月）" that spelled
    /// out the quarter is then dropped); voucher numbers like "J2026-11-015" shift their
    /// year-month too. Text with no dates is returned unchanged, and so is every text when
    /// months == 0.
    pub fn text(&self, story: &str) -> String {
        if self.months == 0 {
            return story.to_owned();
        }
        let mut out = String::with_capacity(story.len() + 16);
        let mut context = Context {
            story_year: STORY_YEAR,
            written_year: None,
        };
        let mut rest = story;
        while let Some(c) = rest.chars().next() {
            if let Some(n) = self.voucher(rest, &mut out) {
                rest = &rest[n..];
                continue;
            }
            if c.is_ascii_digit() {
                let run = digits(rest);
                let n = self
                    .dated(rest, run, &mut context, &mut out)
                    .unwrap_or_else(|| {
                        out.push_str(&rest[..run]);
                        run
                    });
                rest = &rest[n..];
                continue;
            }
            if let Some(q) = quarter(rest) {
                let year = context.story_year;
                let n = self.quarter(rest, year, q, false, &mut context, &mut out);
                rest = &rest[n..];
                continue;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out
    }

    /// A short stable key of the shift, e.g. "m0d11" ("n" for a minus: "mn1d0"), usable in
    /// database names, for naming test templates.
    pub fn key(&self) -> String {
        let signed = |v: i64| {
            if v < 0 {
                format!("n{}", v.unsigned_abs())
            } else {
                v.to_string()
            }
        };
        format!("m{}d{}", signed(i64::from(self.months)), signed(self.days))
    }

    /// A voucher number `J2026-11-` at the start of `s`: writes it shifted, returns the bytes
    /// read.
    fn voucher(&self, s: &str, out: &mut String) -> Option<usize> {
        let b = s.as_bytes();
        let shape = b.len() >= 9
            && b[0] == b'J'
            && b[1..5].iter().all(u8::is_ascii_digit)
            && b[5] == b'-'
            && b[6..8].iter().all(u8::is_ascii_digit)
            && b[8] == b'-';
        if !shape {
            return None;
        }
        let year: i32 = s.get(1..5)?.parse().ok()?;
        let month: u32 = s.get(6..8)?.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let (y, m) = shift_month(year, month, self.months);
        out.push_str(&format!("J{y:04}-{m:02}-"));
        Some(9)
    }

    /// A date-like token starting with the digit run `s[..run]`: `2026年…` or a month
    /// without a year (`9月`, `10月31日`). Writes it shifted and returns the bytes read, or
    /// `None` when the digits are no date.
    fn dated(&self, s: &str, run: usize, context: &mut Context, out: &mut String) -> Option<usize> {
        let after = s.get(run..)?;
        if run == 4 && after.starts_with('年') {
            let year: i32 = s.get(..4)?.parse().ok()?;
            let tail = &after['年'.len_utf8()..];
            let read = run + '年'.len_utf8();
            if let Some(q) = quarter(tail) {
                context.story_year = year;
                return Some(read + self.quarter(tail, year, q, true, context, out));
            }
            if let Some(n) = self.month_day(tail, year, true, context, out) {
                return Some(read + n);
            }
            let shifted = self.year(year);
            out.push_str(&format!("{shifted}年"));
            context.story_year = year;
            context.written_year = Some(shifted);
            return Some(read);
        }
        if run <= 2 && after.starts_with('月') {
            let year = context.story_year;
            return self.month_day(s, year, false, context, out);
        }
        None
    }

    /// `8月` or `8月18日` at the start of `s`, of story year `year` (written before it when
    /// `explicit`). Writes it shifted and returns the bytes read.
    fn month_day(
        &self,
        s: &str,
        year: i32,
        explicit: bool,
        context: &mut Context,
        out: &mut String,
    ) -> Option<usize> {
        let run = digits(s);
        if run == 0 || run > 2 || !s.get(run..)?.starts_with('月') {
            return None;
        }
        let month: u32 = s.get(..run)?.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let mut read = run + '月'.len_utf8();
        let day_run = digits(&s[read..]);
        let day = (day_run > 0 && day_run <= 2 && s[read + day_run..].starts_with('日'))
            .then(|| s[read..read + day_run].parse::<u32>().ok())
            .flatten()
            .and_then(|d| NaiveDate::from_ymd_opt(year, month, d));
        let (y, m, d) = match day {
            Some(date) => {
                read += day_run + '日'.len_utf8();
                let shifted = self.date(date);
                (shifted.year(), shifted.month(), Some(shifted.day()))
            }
            None => {
                let (y, m) = shift_month(year, month, self.months);
                (y, m, None)
            }
        };
        if explicit || context.written_year.is_some_and(|w| w != y) {
            out.push_str(&format!("{y}年"));
            context.written_year = Some(y);
        }
        out.push_str(&format!("{m}月"));
        if let Some(d) = d {
            out.push_str(&format!("{d}日"));
        }
        context.story_year = year;
        Some(read)
    }

    /// `第三季度` (its number `q`, 1 to 4) at the start of `s`, of story year `year`.
    /// Writes it shifted and returns the bytes read.
    fn quarter(
        &self,
        s: &str,
        year: i32,
        q: u32,
        explicit: bool,
        context: &mut Context,
        out: &mut String,
    ) -> usize {
        let mut read = "第一季度".len();
        let first = q * 3 - 2;
        let (ys, ms) = shift_month(year, first, self.months);
        let (ye, me) = shift_month(year, first + 2, self.months);
        let write_year = explicit || context.written_year.is_some_and(|w| w != ys);
        if write_year {
            out.push_str(&format!("{ys}年"));
        }
        if self.months.rem_euclid(3) == 0 {
            out.push_str(&format!("第{}季度", QUARTER_DIGITS[(ms / 3) as usize]));
        } else {
            out.push_str(&format!("{ms}月至"));
            if ye != ys {
                out.push_str(&format!("{ye}年"));
            }
            out.push_str(&format!("{me}月"));
            // "第三季度（7月至9月）" would repeat itself.
            let spelled = format!("（{first}月至{}月）", first + 2);
            if s[read..].starts_with(&spelled) {
                read += spelled.len();
            }
        }
        if write_year || ye != ys {
            context.written_year = Some(ye);
        }
        read
    }
}

/// Where a month without a year belongs: the story year last written (else 2026), and the
/// year last written in the output (`None` while none was).
struct Context {
    story_year: i32,
    written_year: Option<i32>,
}

/// The quarter number of a `第三季度` at the start of `s`.
fn quarter(s: &str) -> Option<u32> {
    let rest = s.strip_prefix('第')?;
    let digit = rest.chars().next()?;
    let q = QUARTER_DIGITS.iter().position(|c| *c == digit)?;
    rest[digit.len_utf8()..]
        .starts_with("季度")
        .then_some(q as u32 + 1)
}

/// The length of the ASCII digit run at the start of `s`.
fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// (year, month) `months` months after (year, month).
fn shift_month(year: i32, month: u32, months: i32) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(year);
    (year, index.rem_euclid(12) as u32 + 1)
}

/// The number of days of a month.
fn last_day(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = shift_month(year, month, 1);
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .map_or(28, |d| d.day())
}

#[cfg(test)]
mod tests {
    use chrono::{Months, NaiveTime};

    use super::*;

    /// `minute` minutes after midnight, China time, on `date`.
    fn china_time(date: NaiveDate, minute: i64) -> DateTime<Utc> {
        date.and_time(NaiveTime::MIN).and_utc() + TimeDelta::minutes(minute - CHINA_HOURS * 60)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn cal(months: i32, days: i64) -> DemoCalendar {
        DemoCalendar { months, days }
    }

    #[test]
    fn the_load_day_decides_both_shifts() {
        for day in 1..=31 {
            let c = DemoCalendar::for_today(ymd(2026, 12, day));
            assert_eq!(c.months(), 0, "any day of December 2026 moves no month");
            assert_eq!(c.days(), i64::from(day) + 4);
            assert_eq!(c.today(), ymd(2026, 12, day));
        }
        assert_eq!(DemoCalendar::for_today(STORY_TODAY), cal(-1, 0));
        assert_eq!(DemoCalendar::for_today(ymd(2027, 12, 7)), cal(12, 376));
        assert_eq!(DemoCalendar::for_today(ymd(2028, 3, 31)), cal(15, 491));
        assert_eq!(DemoCalendar::for_today(ymd(2027, 1, 1)), cal(1, 36));
        assert_eq!(DemoCalendar::for_today(ymd(2026, 6, 15)), cal(-6, -164));
        assert_eq!(DemoCalendar::story(), cal(0, 0));
        // The story's November is always last month.
        for today in [
            ymd(2027, 1, 31),
            ymd(2028, 3, 1),
            ymd(2026, 7, 9),
            ymd(2030, 12, 31),
        ] {
            let c = DemoCalendar::for_today(today);
            let november = c.date(ymd(2026, 11, 1));
            assert_eq!(
                november.checked_add_months(Months::new(1)),
                today.with_day(1),
                "{today}"
            );
            assert!(c.date(STORY_TODAY) < today);
            assert_eq!(c.today(), today);
        }
    }

    #[test]
    fn dates_keep_their_day_and_month_ends() {
        let c = cal(1, 0);
        assert_eq!(c.date(ymd(2026, 8, 18)), ymd(2026, 9, 18));
        assert_eq!(c.date(ymd(2026, 9, 30)), ymd(2026, 10, 31), "month end");
        assert_eq!(c.date(ymd(2026, 10, 31)), ymd(2026, 11, 30), "month end");
        assert_eq!(c.date(ymd(2026, 1, 30)), ymd(2026, 2, 28), "clamped");
        assert_eq!(c.date(ymd(2026, 1, 28)), ymd(2026, 2, 28));
        assert_eq!(c.date(ymd(2026, 12, 15)), ymd(2027, 1, 15), "year wrap");
        assert_eq!(c.date(ymd(2026, 12, 31)), ymd(2027, 1, 31));
        // Leap years: February's end is its 29th, and the 29th is a month end.
        assert_eq!(cal(24, 0).date(ymd(2026, 2, 28)), ymd(2028, 2, 29));
        assert_eq!(cal(25, 0).date(ymd(2026, 1, 29)), ymd(2028, 2, 29));
        assert_eq!(cal(1, 0).date(ymd(2028, 1, 31)), ymd(2028, 2, 29));
        assert_eq!(cal(1, 0).date(ymd(2028, 2, 29)), ymd(2028, 3, 31));
        assert_eq!(cal(1, 0).date(ymd(2028, 2, 28)), ymd(2028, 3, 28));
        assert_eq!(cal(12, 0).date(ymd(2028, 2, 29)), ymd(2029, 2, 28));
        // Negative shifts and wraps backwards.
        assert_eq!(cal(-1, 0).date(ymd(2026, 1, 15)), ymd(2025, 12, 15));
        assert_eq!(cal(-3, 0).date(ymd(2026, 5, 31)), ymd(2026, 2, 28));
        assert_eq!(cal(-13, 0).date(ymd(2026, 3, 1)), ymd(2025, 2, 1));
        assert_eq!(cal(-24, 0).date(ymd(2026, 2, 28)), ymd(2024, 2, 29));
        // Identity, and first days stay first days.
        for d in [
            ymd(2025, 12, 1),
            ymd(2026, 2, 28),
            ymd(2026, 11, 26),
            ymd(2024, 2, 29),
        ] {
            assert_eq!(cal(0, 9).date(d), d);
        }
        for months in -40i32..40 {
            let by = Months::new(months.unsigned_abs());
            let july = ymd(2026, 7, 1);
            let expected = if months >= 0 {
                july.checked_add_months(by)
            } else {
                july.checked_sub_months(by)
            };
            assert_eq!(Some(cal(months, 0).date(july)), expected, "{months}");
        }
    }

    #[test]
    fn month_shifts_never_reorder_dates() {
        for months in [-14, -1, 1, 2, 12, 15, 37] {
            let c = cal(months, 0);
            let mut day = ymd(2025, 1, 1);
            while day < ymd(2029, 1, 1) {
                let next = day + TimeDelta::days(1);
                assert!(c.date(day) <= c.date(next), "{months}: {day}");
                assert_eq!(
                    shift_month(day.year(), day.month(), months),
                    (c.date(day).year(), c.date(day).month())
                );
                day = next;
            }
        }
    }

    #[test]
    fn instants_keep_their_time_of_day_in_china() {
        let c = cal(3, 0);
        // 2026-11-30 23:30 in China is 15:30 UTC; its date in China is 30 November.
        let late = china_time(ymd(2026, 11, 30), 23 * 60 + 30);
        assert_eq!(c.at(late), china_time(ymd(2027, 2, 28), 23 * 60 + 30));
        // 2026-10-01 01:00 in China is still 30 September in UTC.
        let early = china_time(ymd(2026, 10, 1), 60);
        assert_eq!(c.at(early), china_time(ymd(2027, 1, 1), 60));
        assert_eq!(cal(0, 5).at(late), late);
        assert_eq!(cal(-2, 0).at(early), china_time(ymd(2026, 8, 1), 60));
    }

    #[test]
    fn day_shifts_move_by_days() {
        let c = DemoCalendar::for_today(ymd(2027, 12, 7));
        assert_eq!(c.day(STORY_TODAY), ymd(2027, 12, 7));
        assert_eq!(c.day(ymd(2026, 11, 27)), ymd(2027, 12, 8));
        assert_eq!(c.day(ymd(2026, 5, 25)), ymd(2027, 6, 5));
        let at = china_time(STORY_TODAY, 8 * 60 + 30);
        assert_eq!(c.day_at(at), china_time(ymd(2027, 12, 7), 8 * 60 + 30));
        let back = DemoCalendar::for_today(ymd(2026, 11, 1));
        assert_eq!(back.day(STORY_TODAY), ymd(2026, 11, 1));
        assert_eq!(back.day_at(at), china_time(ymd(2026, 11, 1), 8 * 60 + 30));
        // Across 29 February.
        let leap = DemoCalendar::for_today(ymd(2028, 2, 29));
        assert_eq!(leap.today(), ymd(2028, 2, 29));
        assert_eq!(leap.day(ymd(2026, 11, 27)), ymd(2028, 3, 1));
        assert_eq!(cal(0, 0).day(STORY_TODAY), STORY_TODAY);
        assert_eq!(cal(0, 0).day_at(at), at);
    }

    #[test]
    fn years_alone_move_with_their_june() {
        assert_eq!(cal(0, 0).year(2026), 2026);
        assert_eq!(cal(6, 0).year(2026), 2026);
        assert_eq!(cal(7, 0).year(2026), 2027);
        assert_eq!(cal(12, 0).year(2025), 2026);
        assert_eq!(cal(18, 0).year(2026), 2027);
        assert_eq!(cal(19, 0).year(2026), 2028);
        assert_eq!(cal(-5, 0).year(2026), 2026);
        assert_eq!(cal(-6, 0).year(2026), 2025);
        assert_eq!(cal(-18, 0).year(2026), 2024);
    }

    #[test]
    fn texts_are_unchanged_without_a_month_shift() {
        let texts = [
            "2026年度住宅小区公共收益专项审计",
            "融城花苑2026年第二季度四方联席会议",
            "2026年第三季度（7月至9月）公共收益收支情况",
            "1,260元已于2026年11月18日存入公共收益银行账户并补记入账（见2026年11月记账凭证）",
            "J2026-03-001",
            "现物业服务合同12月31日到期",
            "没有日期的文字",
        ];
        for t in texts {
            assert_eq!(cal(0, 17).text(t), t);
            assert_eq!(DemoCalendar::for_today(ymd(2026, 12, 31)).text(t), t);
        }
    }

    #[test]
    fn each_text_pattern_shifts() {
        let one = cal(1, 0);
        assert_eq!(one.text("2026年8月"), "2026年9月");
        assert_eq!(
            one.text("补记2026年8月潮汐停车现金收入"),
            "补记2026年9月潮汐停车现金收入"
        );
        assert_eq!(one.text("已于2026年8月18日存入"), "已于2026年9月18日存入");
        assert_eq!(one.text("2026年1月30日"), "2026年2月28日");
        assert_eq!(one.text("2026年9月30日"), "2026年10月31日");
        assert_eq!(one.text("2026年12月5日"), "2027年1月5日");
        assert_eq!(one.text("2025年12月至2026年11月"), "2026年1月至2026年12月");
        assert_eq!(one.text("2025年度审计费"), "2025年度审计费");
        assert_eq!(cal(7, 0).text("2025年度审计费"), "2026年度审计费");
        assert_eq!(cal(12, 0).text("2026年业主大会"), "2027年业主大会");
        assert_eq!(cal(-7, 0).text("2026年业主大会"), "2025年业主大会");
        // Quarters stay quarters on whole quarters, else become month ranges.
        assert_eq!(cal(3, 0).text("2026年第三季度"), "2026年第四季度");
        assert_eq!(cal(6, 0).text("2026年第三季度"), "2027年第一季度");
        assert_eq!(cal(-3, 0).text("2026年第一季度"), "2025年第四季度");
        assert_eq!(cal(12, 0).text("2026年第二季度"), "2027年第二季度");
        assert_eq!(one.text("2026年第三季度"), "2026年8月至10月");
        assert_eq!(one.text("2026年第四季度会议"), "2026年11月至2027年1月会议");
        assert_eq!(cal(-1, 0).text("2026年第一季度"), "2025年12月至2026年2月");
        assert_eq!(
            one.text("2026年第三季度（7月至9月）公共收益"),
            "2026年8月至10月公共收益"
        );
        assert_eq!(
            cal(3, 0).text("2026年第三季度（7月至9月）公共收益"),
            "2026年第四季度（10月至12月）公共收益"
        );
        assert_eq!(one.text("完成第三季度公示"), "完成8月至10月公示");
        assert_eq!(cal(3, 0).text("完成第三季度公示"), "完成第四季度公示");
        assert_eq!(cal(6, 0).text("完成第三季度公示"), "完成第一季度公示");
        // Months without a year: of the year last written, else the story's.
        assert_eq!(one.text("10月31日前投入使用"), "11月30日前投入使用");
        assert_eq!(one.text("6月30日前完工"), "7月31日前完工");
        assert_eq!(one.text("12月15日前表决"), "1月15日前表决");
        assert_eq!(one.text("自9月起单独建账"), "自10月起单独建账");
        assert_eq!(cal(4, 0).text("2026年1月至9月"), "2026年5月至2027年1月");
        assert_eq!(one.text("2026年1月至9月"), "2026年2月至10月");
        assert_eq!(
            cal(12, 0).text("2026年第三季度（7月至9月）"),
            "2027年第三季度（7月至9月）"
        );
        // Voucher numbers.
        assert_eq!(one.text("J2026-11-015"), "J2026-12-015");
        assert_eq!(cal(2, 0).text("J2026-11-015"), "J2027-01-015");
        assert_eq!(cal(-11, 0).text("J2026-11-015"), "J2025-12-015");
        // Numbers that are no dates stay.
        for t in [
            "3,800元的维修支出",
            "18,500元",
            "在3栋、8栋架空层",
            "超过1万元",
            "12345年",
            "13月",
            "第五季度",
            "J20261-01",
            "",
        ] {
            assert_eq!(cal(5, 0).text(t), t);
        }
        assert_eq!(cal(1, 0).text("2月30日"), "3月30日");
    }

    #[test]
    fn keys_name_the_shift() {
        assert_eq!(cal(0, 11).key(), "m0d11");
        assert_eq!(cal(-1, 0).key(), "mn1d0");
        assert_eq!(DemoCalendar::for_today(ymd(2028, 3, 31)).key(), "m15d491");
        assert_eq!(DemoCalendar::for_today(ymd(2026, 6, 15)).key(), "mn6dn164");
        assert!(
            cal(-3, -70)
                .key()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
    }
}
