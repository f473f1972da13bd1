//! Volunteer service bodies: reports, teams, activities, check-ins, hours, certificates.

use chrono::{DateTime, NaiveDate, Utc};
use linli_domain::volunteering::{REPORTING_TARGET, ReportAction};
use linli_persistence::volunteering::{
    Activity, Certificate, CheckIn, EmployerLine, HoursRow, Report, TeamMember,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::qr::QrSigner;

/// What to do with a report.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ReportAction)]
pub enum ReportActionSchema {
    Confirm,
    Decline,
    Withdraw,
    End,
}

/// An in-service party member's report (报到) to a compound.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportView {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub employer: Option<String>,
    /// `requested`, `confirmed`, `declined`, `withdrawn` or `ended`.
    pub status: String,
    pub note: Option<String>,
    pub decline_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub requested_at: DateTime<Utc>,
}

impl From<Report> for ReportView {
    fn from(r: Report) -> Self {
        let status = r.status().as_str().to_owned();
        ReportView {
            id: r.id,
            person_id: r.person_id,
            person_name: r.person_name,
            compound_id: r.compound_id,
            compound_name: r.compound_name,
            employer: r.employer,
            status,
            note: r.note,
            decline_reason: r.decline_reason,
            decided_at: r.decided_at,
            requested_at: r.requested_at,
        }
    }
}

/// Reports.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportList {
    pub items: Vec<ReportView>,
}

/// Filters of the report list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// `requested`, `confirmed`, `declined`, `withdrawn`, `ended`.
    pub status: Option<String>,
}

/// A request to report to a compound.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportInput {
    pub compound_id: Uuid,
    #[schema(max_length = 500)]
    pub note: Option<String>,
}

/// A decision on a report.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportDecision {
    #[schema(value_type = ReportActionSchema)]
    pub action: ReportAction,
    /// Required to decline.
    #[schema(max_length = 200)]
    pub reason: Option<String>,
}

/// A member of a volunteer team.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMemberView {
    pub person_id: Uuid,
    pub person_name: String,
    /// `leader` or `member`.
    pub role: String,
    pub joined_on: NaiveDate,
    pub verified_minutes: i64,
}

impl From<TeamMember> for TeamMemberView {
    fn from(m: TeamMember) -> Self {
        TeamMemberView {
            person_id: m.person_id,
            person_name: m.person_name,
            role: m.role,
            joined_on: m.joined_on,
            verified_minutes: m.verified_minutes,
        }
    }
}

/// A team's members, leaders first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamMemberList {
    pub team_id: Uuid,
    pub items: Vec<TeamMemberView>,
}

/// A member's role.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TeamMemberInput {
    /// `leader` or `member`.
    pub role: String,
}

/// A service activity.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityView {
    pub id: Uuid,
    pub title: String,
    pub description: Option<String>,
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub centre_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    pub place_name: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub signed_up: i64,
    /// People checked in right now.
    pub checked_in: i64,
    /// `open` or `cancelled`.
    pub status: String,
    /// The caller has signed up (participants only).
    pub signed_up_by_me: bool,
}

impl ActivityView {
    /// The view, knowing whether the caller signed up.
    pub fn new(a: Activity, mine: bool) -> Self {
        ActivityView {
            id: a.id,
            title: a.title,
            description: a.description,
            team_id: a.team_id,
            team_name: a.team_name,
            centre_id: a.centre_id,
            compound_id: a.compound_id,
            place_name: a.place_name,
            starts_at: a.starts_at,
            ends_at: a.ends_at,
            capacity: a.capacity,
            signed_up: a.signed_up,
            checked_in: a.checked_in,
            status: a.status,
            signed_up_by_me: mine,
        }
    }
}

/// Activities, soonest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityList {
    pub items: Vec<ActivityView>,
}

/// Window of the activity list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// Default: now.
    pub from: Option<DateTime<Utc>>,
    /// Default: 30 days after `from`.
    pub to: Option<DateTime<Utc>>,
    pub team_id: Option<Uuid>,
}

/// An activity to create: at a centre or in a compound.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ActivityInput {
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    pub team_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[schema(minimum = 1, maximum = 10000)]
    pub capacity: i32,
}

/// The QR code for a centre's screen.
#[derive(Debug, Serialize, ToSchema)]
pub struct QrCodeView {
    pub centre_id: Uuid,
    pub centre_name: String,
    /// Put this in the QR code; the phone sends it as `qr_token`.
    pub token: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// Fetch a new code this many seconds from now.
    pub refresh_in_seconds: i64,
}

/// A phone's position.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
    /// Reported accuracy in metres.
    #[schema(minimum = 0)]
    pub accuracy_m: f64,
}

/// A check-in: at an activity or a centre, proven by the position or the centre's QR code
/// (with a QR code alone, the centre it names).
#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckInInput {
    pub activity_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub location: Option<Position>,
    pub qr_token: Option<String>,
}

/// A check-out.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckOutInput {
    pub location: Option<Position>,
}

/// A check-in record.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInView {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub activity_id: Option<Uuid>,
    pub activity_title: Option<String>,
    pub team_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    pub place_name: String,
    /// `geofence` or `qr`.
    pub method: String,
    /// Set when uploaded from an offline phone.
    pub client_id: Option<String>,
    pub checked_in_at: DateTime<Utc>,
    pub checked_out_at: Option<DateTime<Utc>>,
    pub distance_m: Option<f64>,
    pub minutes: Option<i32>,
    pub flagged: bool,
    pub flag_reason: Option<String>,
    /// `pending`, `verified` or `rejected`: only verified minutes count.
    pub verification: String,
    pub verified_at: Option<DateTime<Utc>>,
}

impl From<CheckIn> for CheckInView {
    fn from(c: CheckIn) -> Self {
        CheckInView {
            id: c.id,
            person_id: c.person_id,
            person_name: c.person_name,
            activity_id: c.activity_id,
            activity_title: c.activity_title,
            team_id: c.team_id,
            centre_id: c.centre_id,
            compound_id: c.compound_id,
            place_name: c.place_name,
            method: c.method,
            client_id: c.client_id,
            checked_in_at: c.checked_in_at,
            checked_out_at: c.checked_out_at,
            distance_m: c.distance_m,
            minutes: c.minutes,
            flagged: c.flagged,
            flag_reason: c.flag_reason,
            verification: c.verification,
            verified_at: c.verified_at,
        }
    }
}

/// Check-ins, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckInList {
    pub items: Vec<CheckInView>,
}

/// Filters of the check-in list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CheckInQuery {
    pub person_id: Option<Uuid>,
    pub activity_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    /// Only open (`true`) or closed (`false`) ones.
    pub open: Option<bool>,
    /// `pending`, `verified`, `rejected`.
    pub verification: Option<String>,
    pub flagged: Option<bool>,
    /// `true`: only the caller's own.
    pub mine: Option<bool>,
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// The verdict on a check-in's hours.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HoursVerdict {
    pub accepted: bool,
}

/// One record a phone kept while offline.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SyncItem {
    /// The phone's id for this record (8 to 64 characters): re-uploads are recognised by it.
    pub client_id: String,
    /// `check_in` or `check_out`.
    pub kind: String,
    /// For a check-out: the `client_id` of its check-in (if it was offline too).
    pub check_in_client_id: Option<String>,
    pub activity_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    /// When it happened, by the phone's clock.
    pub device_time: DateTime<Utc>,
    pub location: Option<Position>,
    pub qr_token: Option<String>,
}

/// A batch of offline records, in any order.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SyncInput {
    #[schema(min_items = 1, max_items = 500)]
    pub items: Vec<SyncItem>,
}

/// What happened to one offline record.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncOutcome {
    pub client_id: String,
    /// `accepted`, `duplicate` (already received; nothing changed) or `rejected`.
    pub result: String,
    /// Why it was rejected (a stable code, e.g. `outside_geofence`, `qr_invalid`,
    /// `already_checked_in`, `check_in_unknown` — retry after the check-in is uploaded).
    pub code: Option<String>,
    pub detail: Option<String>,
    pub check_in_id: Option<Uuid>,
}

/// The outcome of each record, in the order sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncResult {
    pub items: Vec<SyncOutcome>,
}

/// Service minutes of one group.
#[derive(Debug, Serialize, ToSchema)]
pub struct HoursView {
    pub key: String,
    pub name: String,
    /// Counted: verified by a team leader or the party secretary.
    pub verified_minutes: i64,
    /// Closed, not yet verified: not counted.
    pub pending_minutes: i64,
    pub sessions: i64,
    pub people: i64,
}

impl From<HoursRow> for HoursView {
    fn from(h: HoursRow) -> Self {
        HoursView {
            key: h.key,
            name: h.name,
            verified_minutes: h.verified_minutes,
            pending_minutes: h.pending_minutes,
            sessions: h.sessions,
            people: h.people,
        }
    }
}

/// Service hours by group.
#[derive(Debug, Serialize, ToSchema)]
pub struct HoursList {
    pub group_by: String,
    pub items: Vec<HoursView>,
}

/// Grouping and period of the hours.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HoursQuery {
    /// `person`, `team`, `compound`, `subdistrict` or `district` (default).
    pub group_by: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// `true`: only the caller's own.
    pub mine: Option<bool>,
}

/// A certificate to issue for one's own verified service.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CertificateInput {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// A service certificate (服务证明).
#[derive(Debug, Serialize, ToSchema)]
pub struct CertificateView {
    pub id: Uuid,
    /// Checkable by anyone at `verify_url`.
    pub code: String,
    pub person_name: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub total_minutes: i32,
    pub activities: i32,
    pub issued_at: DateTime<Utc>,
    /// The printable certificate.
    pub print_url: String,
    pub verify_url: String,
}

impl CertificateView {
    /// The view; `masked` hides all but the family name (the public check).
    pub fn new(c: Certificate, masked: bool) -> Self {
        let person_name = if masked {
            let mut chars = c.person_name.chars();
            let first: String = chars.next().map(String::from).unwrap_or_default();
            format!("{first}{}", "*".repeat(chars.count()))
        } else {
            c.person_name
        };
        CertificateView {
            print_url: format!("/api/v1/service-certificates/{}/print", c.code),
            verify_url: format!("/api/v1/public/service-certificates/{}", c.code),
            id: c.id,
            code: c.code,
            person_name,
            period_from: c.period_from,
            period_to: c.period_to,
            total_minutes: c.total_minutes,
            activities: c.activities,
            issued_at: c.issued_at,
        }
    }
}

/// The quarter of the employer report.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EmployerReportQuery {
    /// `2026Q3`; default the last quarter that has ended.
    pub quarter: Option<String>,
}

/// Verified hours of one month.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthHours {
    /// `YYYY-MM`.
    pub month: String,
    pub verified_minutes: i64,
}

/// The volunteering dashboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct VolunteeringStats {
    /// Confirmed reports (报到) in your area.
    pub reported_members: i64,
    /// The district's figure of in-service party members (13,000).
    pub reporting_target: i64,
    pub pending_reports: i64,
    /// People with a check-in in the last 30 days.
    pub active_volunteers: i64,
    pub open_check_ins: i64,
    pub awaiting_verification: i64,
    /// The last 12 months.
    pub hours_by_month: Vec<MonthHours>,
    /// This year, by verified minutes.
    pub top_teams: Vec<HoursView>,
}

/// The signed-in volunteer's own picture, for the phone page.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyVolunteering {
    pub person_id: Uuid,
    pub report: Option<ReportView>,
    pub open_check_in: Option<CheckInView>,
    pub verified_minutes: i64,
    pub pending_minutes: i64,
    /// Teams the volunteer leads (their members' hours wait for them).
    pub leads_teams: Vec<Uuid>,
}

impl ReportInput {
    /// The use case's command.
    pub fn into_command(self) -> linli_app::volunteering::RequestReport {
        linli_app::volunteering::RequestReport {
            compound_id: self.compound_id.into(),
            note: self.note,
        }
    }
}

impl ReportDecision {
    /// The use case's command, for report `report_id`.
    pub fn into_command(self, report_id: Uuid) -> linli_app::volunteering::DecideReport {
        linli_app::volunteering::DecideReport {
            report_id: report_id.into(),
            action: self.action,
            reason: self.reason,
        }
    }
}

impl TeamMemberInput {
    /// The use case's command, for `person_id` in `team_id`.
    pub fn into_command(
        self,
        team_id: Uuid,
        person_id: Uuid,
    ) -> linli_app::volunteering::SetTeamMember {
        linli_app::volunteering::SetTeamMember {
            team_id: team_id.into(),
            person_id: person_id.into(),
            role: self.role,
        }
    }
}

impl ActivityInput {
    /// The use case's command.
    pub fn into_command(self) -> linli_app::volunteering::CreateActivity {
        linli_app::volunteering::CreateActivity {
            title: self.title,
            description: self.description,
            team_id: self.team_id.map(Into::into),
            centre_id: self.centre_id.map(Into::into),
            compound_id: self.compound_id.map(Into::into),
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            capacity: self.capacity,
        }
    }
}

impl From<Position> for linli_app::volunteering::Position {
    fn from(p: Position) -> Self {
        linli_app::volunteering::Position {
            lat: p.lat,
            lon: p.lon,
            accuracy_m: p.accuracy_m,
        }
    }
}

/// Where and how a phone says it is present; the QR token opened with `qr`.
fn presence(
    activity_id: Option<Uuid>,
    centre_id: Option<Uuid>,
    location: Option<Position>,
    qr_token: Option<&str>,
    qr: &QrSigner,
) -> linli_app::volunteering::Presence {
    use linli_app::volunteering::Qr;
    linli_app::volunteering::Presence {
        activity_id,
        centre_id,
        location: location.map(Into::into),
        qr: qr_token.map(|t| match qr.open(t) {
            Some((centre_id, issued_at)) => Qr::Signed {
                centre_id,
                issued_at,
            },
            None => Qr::Unreadable,
        }),
    }
}

impl CheckInInput {
    /// The use case's command; the QR token is opened with `qr`.
    pub fn into_command(self, qr: &QrSigner) -> linli_app::volunteering::CheckIn {
        linli_app::volunteering::CheckIn {
            presence: presence(
                self.activity_id,
                self.centre_id,
                self.location,
                self.qr_token.as_deref(),
                qr,
            ),
        }
    }
}

impl SyncInput {
    /// The use case's records; QR tokens are opened with `qr`.
    pub fn into_command(self, qr: &QrSigner) -> Vec<linli_app::volunteering::SyncItem> {
        use linli_app::volunteering::{SyncItem as Item, SyncKind};
        self.items
            .into_iter()
            .map(|i| Item {
                kind: match i.kind.as_str() {
                    "check_in" => Some(SyncKind::CheckIn(presence(
                        i.activity_id,
                        i.centre_id,
                        i.location,
                        i.qr_token.as_deref(),
                        qr,
                    ))),
                    "check_out" => Some(SyncKind::CheckOut {
                        check_in_client_id: i.check_in_client_id,
                    }),
                    _ => None,
                },
                client_id: i.client_id,
                device_time: i.device_time,
            })
            .collect()
    }
}

impl CertificateInput {
    /// The use case's command.
    pub fn into_command(self) -> linli_app::volunteering::IssueCertificate {
        linli_app::volunteering::IssueCertificate {
            from: self.from,
            to: self.to,
        }
    }
}

impl EmployerReportQuery {
    /// The report to make, `today` being the day in China.
    pub fn into_find(self, today: NaiveDate) -> linli_app::volunteering::FindEmployerReport {
        linli_app::volunteering::FindEmployerReport {
            quarter: self.quarter,
            today,
        }
    }
}

/// The columns of the employer report.
pub const EMPLOYER_REPORT_HEADER: [&str; 6] = [
    "工作单位",
    "姓名",
    "报到小区",
    "报到状态",
    "服务次数",
    "服务时长(小时)",
];

/// One line of the employer report as CSV cells.
pub fn employer_report_row(r: &EmployerLine) -> Vec<String> {
    let status = match r.report_status.as_deref() {
        Some("confirmed") => "已报到",
        Some("requested") => "待确认",
        Some("declined") => "未通过",
        Some("withdrawn") => "已撤回",
        Some("ended") => "已结束",
        _ => "未报到",
    };
    vec![
        r.employer.clone(),
        r.person_name.clone(),
        r.compound_name.clone().unwrap_or_default(),
        status.to_owned(),
        r.sessions.to_string(),
        format!("{:.1}", r.verified_minutes as f64 / 60.0),
    ]
}

impl HoursQuery {
    /// The hours to read, `today` being the day in China.
    pub fn into_find(self, today: NaiveDate) -> linli_app::volunteering::FindHours {
        linli_app::volunteering::FindHours {
            group_by: self.group_by,
            from: self.from,
            to: self.to,
            mine: self.mine.unwrap_or(false),
            today,
        }
    }
}

/// `text` safe inside HTML text and attribute values.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The printable certificate: an A4 HTML page in Chinese and English.
pub fn certificate_html(c: &Certificate) -> String {
    let hours = f64::from(c.total_minutes) / 60.0;
    format!(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>志愿服务证明 {code}</title>\
         <style>@page{{size:A4;margin:25mm}}body{{font-family:serif;max-width:160mm;margin:auto;line-height:2}}\
         h1{{text-align:center;letter-spacing:.5em}}.code{{font-family:monospace}}.sign{{text-align:right;margin-top:30mm}}</style></head>\
         <body><h1>志愿服务证明</h1><p>兹证明 <strong>{name}</strong> 同志于 {from} 至 {to} 期间，参加志愿服务活动 {activities} 次，\
         经核验累计服务时长 <strong>{hours:.1}</strong> 小时。</p><p>特此证明。</p>\
         <p>This certifies that {name} served {hours:.1} verified hours in {activities} activities between {from} and {to}.</p>\
         <p class=\"sign\">长沙市雨花区 邻里志愿服务平台<br>{issued}</p>\
         <p>验证码 / Verification code: <span class=\"code\">{code}</span><br>查验 / Check: /api/v1/public/service-certificates/{code}</p>\
         </body></html>",
        code = escape_html(&c.code),
        name = escape_html(&c.person_name),
        from = c.period_from,
        to = c.period_to,
        activities = c.activities,
        issued = c
            .issued_at
            .with_timezone(&linli_domain::calendar::china())
            .format("%Y年%m月%d日"),
    )
}

impl From<linli_app::volunteering::VolunteeringStats> for VolunteeringStats {
    fn from(s: linli_app::volunteering::VolunteeringStats) -> Self {
        VolunteeringStats {
            reported_members: s.figures.reported_members,
            reporting_target: REPORTING_TARGET,
            pending_reports: s.figures.pending_reports,
            active_volunteers: s.figures.active_volunteers,
            open_check_ins: s.figures.open_check_ins,
            awaiting_verification: s.figures.awaiting_verification,
            hours_by_month: s
                .hours_by_month
                .into_iter()
                .map(|(month, verified_minutes)| MonthHours {
                    month,
                    verified_minutes,
                })
                .collect(),
            top_teams: s.top_teams.into_iter().map(HoursView::from).collect(),
        }
    }
}

impl From<linli_app::volunteering::MyVolunteering> for MyVolunteering {
    fn from(m: linli_app::volunteering::MyVolunteering) -> Self {
        MyVolunteering {
            person_id: m.person_id.into(),
            report: m.report.map(ReportView::from),
            open_check_in: m.open_check_in.map(CheckInView::from),
            verified_minutes: m.verified_minutes,
            pending_minutes: m.pending_minutes,
            leads_teams: m.leads_teams,
        }
    }
}

impl CheckInQuery {
    /// The check-ins to list.
    pub fn into_find(self) -> linli_app::volunteering::FindCheckIns {
        linli_app::volunteering::FindCheckIns {
            person_id: self.person_id.map(Into::into),
            activity_id: self.activity_id.map(Into::into),
            centre_id: self.centre_id.map(Into::into),
            open: self.open,
            verification: self.verification,
            flagged: self.flagged,
            mine: self.mine.unwrap_or(false),
            limit: self.limit,
        }
    }
}

impl From<linli_app::volunteering::SeenActivity> for ActivityView {
    fn from(seen: linli_app::volunteering::SeenActivity) -> Self {
        ActivityView::new(seen.activity, seen.mine)
    }
}

impl ActivityQuery {
    /// The activities to list, `now` being the server's time.
    pub fn into_find(self, now: DateTime<Utc>) -> linli_app::volunteering::FindActivities {
        linli_app::volunteering::FindActivities {
            from: self.from,
            to: self.to,
            team_id: self.team_id.map(Into::into),
            now,
        }
    }
}
