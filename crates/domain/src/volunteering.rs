//! Volunteer service (志愿服务): reporting to a compound, check-ins at centres and
//! activities, and the hours they earn.
//!
//! A check-in is accepted inside the place's geofence (distance computed here from the
//! phone's reported position) or with a QR code shown at the centre that is valid for
//! [`QR_TTL_SECONDS`]. A person has one open check-in at a time. Forgotten check-outs are
//! closed by a sweeper at the activity's end or the centre's closing time, never more than
//! [`MAX_SESSION_MINUTES`] after the check-in, and flagged for review. Hours count only
//! once verified by the team leader or the compound's party secretary.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    DomainError, FieldErrors,
    calendar::china,
    geo::GeoPoint,
    registry::{CentreDraft, OpeningHours},
};

/// How long a QR code shown at a centre stays valid.
pub const QR_TTL_SECONDS: i64 = 60;
/// The longest a single check-in may count.
pub const MAX_SESSION_MINUTES: i64 = 8 * 60;
/// Positions less precise than this are refused: the phone does not know where it is.
pub const MAX_ACCURACY_M: f64 = 200.0;
/// Geofence of a compound (activities held in a compound rather than at a centre).
pub const COMPOUND_RADIUS_M: i32 = 300;
/// How long an offline phone may hold records before uploading them.
pub const MAX_OFFLINE_DAYS: i64 = 7;
/// The district's figure of in-service party members who report to compounds.
pub const REPORTING_TARGET: i64 = 13_000;

crate::text_enum! {
    /// Where a report (报到) stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ReportStatus {
        /// 待确认
        Requested = "requested",
        /// 已报到
        Confirmed = "confirmed",
        /// 未通过
        Declined = "declined",
        /// 已撤回
        Withdrawn = "withdrawn",
        /// 已结束 (moved on, or reported elsewhere)
        Ended = "ended",
    }
}

/// What someone does to a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    /// The compound's party secretary confirms (requested → confirmed).
    Confirm,
    /// … or declines with a reason (requested → declined).
    Decline,
    /// The member withdraws a request (requested → withdrawn).
    Withdraw,
    /// The member or the secretary ends a confirmed reporting (confirmed → ended).
    End,
}

/// The status an action leads to, or why it cannot happen.
pub fn report_step(from: ReportStatus, action: ReportAction) -> Result<ReportStatus, DomainError> {
    use ReportAction::*;
    use ReportStatus::*;
    match (from, action) {
        (Requested, Confirm) => Ok(Confirmed),
        (Requested, Decline) => Ok(Declined),
        (Requested, Withdraw) => Ok(Withdrawn),
        (Confirmed, End) => Ok(Ended),
        _ => Err(DomainError::WrongState {
            code: "transition_not_allowed",
            detail: format!(
                "报到处于“{}”状态，不能执行该操作 / a {} report does not allow that",
                from.as_str(),
                from.as_str()
            ),
            allowed: match from {
                Requested => vec!["confirm".into(), "decline".into(), "withdraw".into()],
                Confirmed => vec!["end".into()],
                _ => vec![],
            },
        }),
    }
}

/// Checks a phone's position against a geofence and returns the distance in metres.
pub fn check_geofence(
    centre: GeoPoint,
    radius_m: i32,
    position: GeoPoint,
    accuracy_m: f64,
) -> Result<f64, DomainError> {
    if crate::error::validate(&position).is_err() {
        return Err(DomainError::field(
            "location",
            "坐标超出范围 / coordinates out of range",
        ));
    }
    if !(0.0..=MAX_ACCURACY_M).contains(&accuracy_m) {
        return Err(DomainError::WrongState {
            code: "position_imprecise",
            detail: format!(
                "定位精度 {accuracy_m:.0} 米，不足以确认位置，请到室外重新定位或扫描服务中心二维码 / the position is only accurate to {accuracy_m:.0} m; retry outdoors or scan the centre's QR code"
            ),
            allowed: vec![],
        });
    }
    let distance = centre.distance_m(&position);
    if distance > f64::from(radius_m) {
        return Err(DomainError::WrongState {
            code: "outside_geofence",
            detail: format!(
                "您距离签到地点约 {:.0} 米，超出 {radius_m} 米签到范围 / you are about {:.0} m away, outside the {radius_m} m check-in area",
                distance, distance
            ),
            allowed: vec![],
        });
    }
    Ok(distance)
}

/// How early before an activity starts one may check in.
pub const EARLY_CHECK_IN_MINUTES: i64 = 60;

/// Check-ins at an activity are taken from an hour before it starts until it ends.
pub fn check_activity_open(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    at: DateTime<Utc>,
) -> Result<(), DomainError> {
    if at < starts_at - Duration::minutes(EARLY_CHECK_IN_MINUTES) || at >= ends_at {
        return Err(DomainError::WrongState {
            code: "activity_not_open",
            detail: "不在活动签到时间内（开始前 1 小时至结束）/ check-in is open from an hour before the activity until it ends".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

/// Whether a QR code issued at `issued_at` may be used at `at` (a little clock skew
/// between the screen and the server is tolerated, never a code from the future).
pub fn qr_valid(issued_at: DateTime<Utc>, at: DateTime<Utc>) -> bool {
    let age = at - issued_at;
    age >= Duration::seconds(-5) && age <= Duration::seconds(QR_TTL_SECONDS)
}

/// The error for a QR code that is expired, forged or for another place.
pub fn qr_refused() -> DomainError {
    DomainError::WrongState {
        code: "qr_invalid",
        detail: "二维码已过期或无效，请扫描服务中心屏幕上的最新二维码 / the QR code is expired or invalid; scan the current code on the centre's screen".into(),
        allowed: vec![],
    }
}

/// Minutes between check-in and check-out.
pub fn minutes_between(checked_in: DateTime<Utc>, checked_out: DateTime<Utc>) -> i64 {
    (checked_out - checked_in)
        .num_minutes()
        .clamp(0, MAX_SESSION_MINUTES)
}

/// The centre's closing time on the day of `at` (China time), if it opens that day.
pub fn closing_time(hours: &OpeningHours, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let local = at.with_timezone(&china());
    let weekday = local.weekday().number_from_monday();
    let [_, close] = hours.get(&weekday.to_string())?;
    let (h, m) = close.split_once(':')?;
    let time = chrono::NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)?;
    let close_local = local.date_naive().and_time(time);
    close_local
        .and_local_timezone(china())
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Whether the centre is open at `at`.
pub fn centre_open(hours: &OpeningHours, at: DateTime<Utc>) -> bool {
    let local = at.with_timezone(&china());
    CentreDraft::is_open(
        hours,
        local.weekday().number_from_monday(),
        local.hour() * 60 + local.minute(),
    )
}

/// When a forgotten check-out is closed: the activity's end, else the centre's closing time
/// that day, and never later than [`MAX_SESSION_MINUTES`] after the check-in. `None` while
/// that moment has not come.
pub fn auto_close_at(
    checked_in: DateTime<Utc>,
    activity_end: Option<DateTime<Utc>>,
    centre_closes: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let cap = checked_in + Duration::minutes(MAX_SESSION_MINUTES);
    let due = activity_end
        .or(centre_closes.filter(|c| *c > checked_in))
        .unwrap_or(cap)
        .min(cap)
        .max(checked_in);
    (due <= now).then_some(due)
}

/// Whether an offline record's device time is plausible: not in the future (beyond a few
/// minutes of clock drift) and not older than [`MAX_OFFLINE_DAYS`].
pub fn device_time_plausible(device_time: DateTime<Utc>, received: DateTime<Utc>) -> bool {
    device_time <= received + Duration::minutes(5)
        && received - device_time <= Duration::days(MAX_OFFLINE_DAYS)
}

/// A calendar quarter `2026Q3` as its first and last day.
pub fn parse_quarter(text: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, q) = text.trim().split_once(['Q', 'q'])?;
    let year: i32 = year.parse().ok()?;
    let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    let start = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
    let end = start
        .checked_add_months(chrono::Months::new(3))?
        .pred_opt()?;
    Some((start, end))
}

/// The most records one offline upload may carry.
pub const MAX_SYNC_BATCH: usize = 500;

/// An activity as its organiser describes it, before it is stored.
#[derive(Debug, Clone)]
pub struct ActivityDraft<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub at_centre: bool,
    pub in_compound: bool,
}

/// Checks an activity: a title of 1 to 100 characters, a description of at most 2000, a
/// window of at most 24 hours that ends after it starts, 1 to 10,000 places, and either a
/// centre or a compound. Names every broken field at once; `title` and `description` are
/// checked trimmed, as they are stored.
pub fn check_activity(draft: &ActivityDraft<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    if !(1..=100).contains(&draft.title.trim().chars().count()) {
        broken("title", "标题须为 1 到 100 个字 / 1 to 100 characters");
    }
    if draft
        .description
        .is_some_and(|d| d.trim().chars().count() > 2000)
    {
        broken(
            "description",
            "说明不能超过 2000 个字 / at most 2000 characters",
        );
    }
    if draft.ends_at <= draft.starts_at || draft.ends_at - draft.starts_at > Duration::hours(24) {
        broken(
            "ends_at",
            "结束须晚于开始，且活动不超过 24 小时 / must end after it starts, within 24 hours",
        );
    }
    if !(1..=10_000).contains(&draft.capacity) {
        broken("capacity", "名额须为 1 到 10000 / 1 to 10,000 places");
    }
    if draft.at_centre == draft.in_compound {
        broken(
            "centre_id",
            "请选择服务中心或小区之一 / choose a centre or a compound",
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// Free text trimmed, `None` when nothing is left.
pub fn trimmed(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The refusal of an activity that was cancelled.
pub fn activity_cancelled() -> DomainError {
    DomainError::WrongState {
        code: "activity_cancelled",
        detail: "活动已取消 / the activity was cancelled".into(),
        allowed: vec![],
    }
}

/// Sign-ups are taken while the activity is open (not cancelled) and not over.
pub fn check_sign_up_open(
    status: &str,
    ends_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DomainError> {
    if status != "open" {
        return Err(activity_cancelled());
    }
    if ends_at < now {
        return Err(DomainError::WrongState {
            code: "activity_over",
            detail: "活动已结束 / the activity is over".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

/// A report's note: at most 500 characters, trimmed; `None` when empty.
pub fn check_report_note(note: Option<String>) -> Result<Option<String>, DomainError> {
    let note = trimmed(note);
    if note.as_ref().is_some_and(|n| n.chars().count() > 500) {
        return Err(DomainError::field(
            "note",
            "说明不能超过 500 个字 / at most 500 characters",
        ));
    }
    Ok(note)
}

/// A decision's reason, trimmed; declining needs one.
pub fn check_report_reason(
    action: ReportAction,
    reason: Option<String>,
) -> Result<Option<String>, DomainError> {
    let reason = trimmed(reason);
    if action == ReportAction::Decline && reason.is_none() {
        return Err(DomainError::field(
            "reason",
            "请说明不予确认的原因 / give a reason to decline",
        ));
    }
    Ok(reason)
}

/// A team member's role: `leader` or `member`.
pub fn check_team_role(role: &str) -> Result<(), DomainError> {
    if matches!(role, "leader" | "member") {
        Ok(())
    } else {
        Err(DomainError::field(
            "role",
            "须为 leader 或 member / must be leader or member",
        ))
    }
}

/// A certificate's period: `to` not before `from`, at most ten years.
pub fn check_certificate_period(from: NaiveDate, to: NaiveDate) -> Result<(), DomainError> {
    if to < from || (to - from).num_days() > 3660 {
        return Err(DomainError::field("to", "期间无效 / invalid period"));
    }
    Ok(())
}

/// An offline upload carries 1 to [`MAX_SYNC_BATCH`] records.
pub fn check_sync_batch(len: usize) -> Result<(), DomainError> {
    if len == 0 || len > MAX_SYNC_BATCH {
        return Err(DomainError::field(
            "items",
            "每批 1 到 500 条 / 1 to 500 records per batch",
        ));
    }
    Ok(())
}

/// A phone's id for an offline record: 8 to 64 characters.
pub fn check_client_id(client_id: &str) -> Result<(), DomainError> {
    if !(8..=64).contains(&client_id.chars().count()) {
        return Err(DomainError::field(
            "client_id",
            "须为 8 到 64 个字符 / 8 to 64 characters",
        ));
    }
    Ok(())
}

/// An offline record's device time must be plausible ([`device_time_plausible`]).
pub fn check_device_time(
    device_time: DateTime<Utc>,
    received: DateTime<Utc>,
) -> Result<(), DomainError> {
    if !device_time_plausible(device_time, received) {
        return Err(DomainError::WrongState {
            code: "device_time_implausible",
            detail: "记录时间不可信（超前或超过 7 天）/ the device time is in the future or more than 7 days old".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        // 2026-11-23 is a Monday; times given in China time.
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .and_then(|t| t.and_local_timezone(china()).single())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    #[test]
    fn the_geofence_holds_at_its_boundary() {
        let centre = GeoPoint {
            lat: 28.1,
            lon: 113.0,
        };
        // About 100 m north.
        let north = GeoPoint {
            lat: 28.1 + 100.0 / 111_195.0,
            lon: 113.0,
        };
        let d = centre.distance_m(&north);
        assert!((d - 100.0).abs() < 0.5, "{d}");
        assert!(check_geofence(centre, 101, north, 10.0).is_ok());
        let Err(DomainError::WrongState { code, detail, .. }) =
            check_geofence(centre, 99, north, 10.0)
        else {
            panic!("accepted outside");
        };
        assert_eq!(code, "outside_geofence");
        assert!(detail.contains("100"), "{detail}");
        assert!(check_geofence(centre, 500, north, 350.0).is_err());
    }

    #[test]
    fn activities_take_check_ins_from_an_hour_before_until_the_end() {
        assert!(check_activity_open(at(9, 0), at(11, 0), at(8, 0)).is_ok());
        assert!(check_activity_open(at(9, 0), at(11, 0), at(7, 59)).is_err());
        assert!(check_activity_open(at(9, 0), at(11, 0), at(10, 59)).is_ok());
        assert!(check_activity_open(at(9, 0), at(11, 0), at(11, 0)).is_err());
    }

    #[test]
    fn qr_codes_live_a_minute() {
        let t = at(9, 0);
        assert!(qr_valid(t, t + Duration::seconds(59)));
        assert!(!qr_valid(t, t + Duration::seconds(61)));
        assert!(!qr_valid(t + Duration::seconds(30), t));
    }

    #[test]
    fn forgotten_check_outs_close_at_the_end_with_a_cap() {
        let mut hours = OpeningHours::new();
        hours.insert("1".into(), ["08:30".into(), "17:30".into()]);
        let closes = closing_time(&hours, at(9, 0));
        assert_eq!(closes, Some(at(17, 30)));
        assert!(centre_open(&hours, at(9, 0)) && !centre_open(&hours, at(18, 0)));
        // Activity end wins; not yet due before it.
        assert_eq!(
            auto_close_at(at(9, 0), Some(at(11, 0)), closes, at(10, 0)),
            None
        );
        assert_eq!(
            auto_close_at(at(9, 0), Some(at(11, 0)), closes, at(12, 0)),
            Some(at(11, 0))
        );
        // Centre closing time otherwise.
        assert_eq!(
            auto_close_at(at(10, 0), None, closes, at(23, 0)),
            Some(at(17, 30))
        );
        // Never more than eight hours.
        assert_eq!(
            auto_close_at(at(8, 0), Some(at(20, 0)), None, at(23, 0)),
            Some(at(16, 0))
        );
        assert_eq!(minutes_between(at(9, 0), at(11, 30)), 150);
        assert_eq!(minutes_between(at(9, 0), at(23, 0)), MAX_SESSION_MINUTES);
    }

    #[test]
    fn reports_move_one_way() {
        assert_eq!(
            report_step(ReportStatus::Requested, ReportAction::Confirm),
            Ok(ReportStatus::Confirmed)
        );
        assert!(report_step(ReportStatus::Declined, ReportAction::Confirm).is_err());
        assert_eq!(
            report_step(ReportStatus::Confirmed, ReportAction::End),
            Ok(ReportStatus::Ended)
        );
        assert_eq!(
            parse_quarter("2026Q3"),
            NaiveDate::from_ymd_opt(2026, 7, 1).zip(NaiveDate::from_ymd_opt(2026, 9, 30))
        );
        assert!(parse_quarter("2026Q5").is_none());
        let now = at(12, 0);
        assert!(device_time_plausible(now - Duration::days(2), now));
        assert!(!device_time_plausible(now + Duration::hours(1), now));
    }

    #[test]
    fn activities_name_every_broken_field() {
        let draft = ActivityDraft {
            title: "  ",
            description: None,
            starts_at: at(9, 0),
            ends_at: at(8, 0),
            capacity: 0,
            at_centre: true,
            in_compound: true,
        };
        let Err(DomainError::Validation(errors)) = check_activity(&draft) else {
            panic!("accepted");
        };
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["capacity", "centre_id", "ends_at", "title"]);
        let fine = ActivityDraft {
            title: "扫楼道",
            ends_at: at(11, 0),
            capacity: 10,
            in_compound: false,
            ..draft
        };
        assert!(check_activity(&fine).is_ok());
    }

    #[test]
    fn inputs_of_reports_teams_certificates_and_uploads_are_checked() {
        assert_eq!(check_report_note(Some("  ".into())), Ok(None));
        assert!(check_report_note(Some("字".repeat(501))).is_err());
        assert!(check_report_reason(ReportAction::Decline, Some(" ".into())).is_err());
        assert_eq!(check_report_reason(ReportAction::Confirm, None), Ok(None));
        assert!(check_team_role("leader").is_ok() && check_team_role("boss").is_err());
        let day = at(9, 0).date_naive();
        assert!(check_certificate_period(day, day).is_ok());
        assert!(check_certificate_period(day, day - Duration::days(1)).is_err());
        assert!(check_sync_batch(0).is_err() && check_sync_batch(500).is_ok());
        assert!(check_client_id("short").is_err() && check_client_id("phone-0001").is_ok());
        let now = at(12, 0);
        assert!(check_sign_up_open("open", now, now).is_ok());
        assert!(check_sign_up_open("cancelled", now, now).is_err());
        assert!(check_sign_up_open("open", now - Duration::hours(1), now).is_err());
    }
}
