//! Complaint bodies.

use chrono::{DateTime, Utc};
use linli_app::complaints;
use linli_domain::{
    complaint::{Status, Transition},
    pii::mask_phone,
};
use linli_persistence::complaints::{Category, Complaint, TimelineEntry};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::compound::Location;

/// A category of the catalogue with its deadlines (working hours).
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryView {
    #[schema(example = "elevator")]
    pub code: String,
    #[schema(example = "电梯")]
    pub name_zh: String,
    pub name_en: String,
    /// Working hours to sign for an assigned order.
    pub sign_hours: i32,
    /// Working hours to resolve a signed order.
    pub resolve_hours: i32,
    /// `governance_mode`, `law_enforcement`, `owners_committee` or `community`.
    pub handler_rule: String,
    /// Typed attributes (Open311 attribute model).
    #[schema(value_type = Vec<Object>)]
    pub attributes: serde_json::Value,
    pub active: bool,
    pub version: i64,
}

impl From<Category> for CategoryView {
    fn from(c: Category) -> Self {
        CategoryView {
            code: c.code,
            name_zh: c.name_zh,
            name_en: c.name_en,
            sign_hours: c.sign_hours,
            resolve_hours: c.resolve_hours,
            handler_rule: c.handler_rule,
            attributes: c.attributes,
            active: c.active,
            version: c.version,
        }
    }
}

/// A category's configurable settings.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CategoryUpdate {
    #[schema(minimum = 1, maximum = 720)]
    pub sign_hours: i32,
    #[schema(minimum = 1, maximum = 4320)]
    pub resolve_hours: i32,
    #[schema(example = "governance_mode")]
    pub handler_rule: String,
    pub active: bool,
}

/// A complaint. The complainant's phone is masked unless you handle the complaint or hold
/// `pii.read`; anonymous complaints never show a complainant.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintView {
    pub id: Uuid,
    /// For phone calls: `LL` + date + sequence.
    #[schema(example = "LL20261126000042")]
    pub number: String,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub category: String,
    pub category_name: String,
    pub title: String,
    pub description: String,
    pub location: Option<Location>,
    /// `app`, `staff`, `hotline` or `open311`.
    pub channel: String,
    pub anonymous: bool,
    pub complainant_name: Option<String>,
    pub complainant_phone: Option<String>,
    pub external_id: Option<String>,
    pub status: Status,
    pub handler_org_id: Option<Uuid>,
    pub handler_org_name: Option<String>,
    /// Why the handler was chosen.
    pub routing_rule: String,
    pub reject_reason: Option<String>,
    pub return_reason: Option<String>,
    pub resolution: Option<String>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub assigned_at: Option<DateTime<Utc>>,
    /// Deadline to sign for the order (working hours from assignment).
    pub sign_by: Option<DateTime<Utc>>,
    pub signed_at: Option<DateTime<Utc>>,
    /// Deadline to resolve (working hours from signing).
    pub resolve_by: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub rating: Option<i16>,
    pub review_comment: Option<String>,
    pub reopen_count: i32,
    /// 0 none, 1 subdistrict, 2 district (督办).
    pub escalation_level: i32,
    pub overdue: bool,
    pub duplicate_of: Option<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ComplaintView {
    /// The view; `show_contact` unmasks the phone (handlers and `pii.read`).
    pub fn new(c: Complaint, show_contact: bool) -> Self {
        let status = c.status();
        let (name, phone) = if c.anonymous {
            (None, None)
        } else if show_contact {
            (c.complainant_name, c.complainant_phone)
        } else {
            (
                c.complainant_name,
                c.complainant_phone.as_deref().map(mask_phone),
            )
        };
        ComplaintView {
            id: c.id,
            number: c.number,
            compound_id: c.compound_id,
            compound_name: c.compound_name,
            category: c.category_code,
            category_name: c.category_name,
            title: c.title,
            description: c.description,
            location: c.lat.zip(c.lon).map(|(lat, lon)| Location { lat, lon }),
            channel: c.channel,
            anonymous: c.anonymous,
            complainant_name: name,
            complainant_phone: phone,
            external_id: c.external_id,
            status,
            handler_org_id: c.handler_org_id,
            handler_org_name: c.handler_org_name,
            routing_rule: c.routing_rule,
            reject_reason: c.reject_reason,
            return_reason: c.return_reason,
            resolution: c.resolution,
            accepted_at: c.accepted_at,
            assigned_at: c.assigned_at,
            sign_by: c.sign_by,
            signed_at: c.signed_at,
            resolve_by: c.resolve_by,
            resolved_at: c.resolved_at,
            closed_at: c.closed_at,
            rating: c.rating,
            review_comment: c.review_comment,
            reopen_count: c.reopen_count,
            escalation_level: c.escalation_level,
            overdue: c.overdue,
            duplicate_of: c.duplicate_of,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

/// One step of a complaint's history.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineView {
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub actor_kind: String,
    pub actor_name: String,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

impl From<TimelineEntry> for TimelineView {
    fn from(t: TimelineEntry) -> Self {
        TimelineView {
            action: t.action,
            from_status: t.from_status,
            to_status: t.to_status,
            actor_kind: t.actor_kind,
            actor_name: t.actor_name,
            note: t.note,
            at: t.at,
        }
    }
}

/// A photo on a complaint.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentView {
    pub id: Uuid,
    /// `report` (what is wrong) or `result` (what was done).
    pub purpose: String,
    pub content_type: String,
    pub size_bytes: i32,
    pub file_name: String,
    pub uploader_name: String,
    pub created_at: DateTime<Utc>,
    /// Where to fetch it (with your credentials).
    pub url: String,
}

impl From<linli_persistence::complaints::Attachment> for AttachmentView {
    fn from(a: linli_persistence::complaints::Attachment) -> Self {
        AttachmentView {
            url: format!("/api/v1/complaints/{}/attachments/{}", a.complaint_id, a.id),
            id: a.id,
            purpose: a.purpose,
            content_type: a.content_type,
            size_bytes: a.size_bytes,
            file_name: a.file_name,
            uploader_name: a.uploader_name,
            created_at: a.created_at,
        }
    }
}

/// A request for more time to resolve.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExtensionView {
    pub id: Uuid,
    pub hours: i32,
    pub reason: String,
    /// `pending`, `approved` or `denied`.
    pub status: String,
    pub requester_name: String,
    pub decider_name: Option<String>,
    pub decision_note: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<linli_persistence::complaints::Extension> for ExtensionView {
    fn from(e: linli_persistence::complaints::Extension) -> Self {
        ExtensionView {
            id: e.id,
            hours: e.hours,
            reason: e.reason,
            status: e.status,
            requester_name: e.requester_name,
            decider_name: e.decider_name,
            decision_note: e.decision_note,
            created_at: e.created_at,
            decided_at: e.decided_at,
        }
    }
}

/// Ask for more time.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ExtensionRequest {
    /// Extra working hours.
    #[schema(minimum = 1, maximum = 720)]
    pub hours: i32,
    #[schema(min_length = 4, max_length = 500)]
    pub reason: String,
}

/// The community's decision on an extension.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ExtensionDecision {
    pub approve: bool,
    #[schema(max_length = 500)]
    pub note: Option<String>,
}

/// A public holiday or make-up working day.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CalendarDayView {
    pub day: chrono::NaiveDate,
    /// `holiday` or `workday` (a weekend day people work, 调休上班).
    pub kind: String,
    pub note: String,
}

/// Year of the calendar.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// Set a day.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CalendarDayInput {
    /// `holiday`, `workday`, or `normal` to remove the entry.
    pub kind: String,
    #[serde(default)]
    #[schema(max_length = 50)]
    pub note: String,
}

/// A complaint with its timeline and what you may do next.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintDetail {
    #[serde(flatten)]
    pub complaint: ComplaintView,
    pub timeline: Vec<TimelineView>,
    pub attachments: Vec<AttachmentView>,
    pub extensions: Vec<ExtensionView>,
    /// Transitions you may make now.
    #[schema(value_type = Vec<linli_domain::complaint::Transition>)]
    pub allowed_actions: Vec<Transition>,
}

impl From<complaints::InFull> for ComplaintDetail {
    fn from(f: complaints::InFull) -> Self {
        ComplaintDetail {
            complaint: ComplaintView::new(f.complaint, f.shows_contact),
            timeline: f.timeline.into_iter().map(TimelineView::from).collect(),
            attachments: f
                .attachments
                .into_iter()
                .map(AttachmentView::from)
                .collect(),
            extensions: f.extensions.into_iter().map(ExtensionView::from).collect(),
            allowed_actions: f.allowed_actions,
        }
    }
}

/// One page of complaints.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintPage {
    pub items: Vec<ComplaintView>,
    pub next_cursor: Option<String>,
}

/// Filters of the complaint list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintQuery {
    pub area_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    #[param(value_type = Option<linli_domain::complaint::Status>)]
    pub status: Option<Status>,
    #[param(max_length = 40)]
    pub category: Option<String>,
    pub handler_org_id: Option<Uuid>,
    pub overdue: Option<bool>,
    /// Filed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Filed before.
    pub to: Option<DateTime<Utc>>,
    /// Text in title or description, or an exact complaint number.
    #[param(max_length = 100)]
    pub q: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A new complaint.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewComplaintRequest {
    pub compound_id: Uuid,
    #[schema(example = "elevator")]
    pub category: String,
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[schema(min_length = 1, max_length = 4000)]
    pub description: String,
    pub location: Option<Location>,
    /// File without a name or contact.
    #[serde(default)]
    pub anonymous: bool,
    /// Staff filing for a caller: the caller's name.
    #[schema(max_length = 50)]
    pub complainant_name: Option<String>,
    /// Contact for the callback (masked to everyone but the handler).
    #[schema(pattern = "^\\+?[0-9]{5,20}$")]
    pub complainant_phone: Option<String>,
    /// Systems (hotline import): the id in the source system; a second import is refused.
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
}

impl NewComplaintRequest {
    /// The use case's command.
    pub fn into_command(self) -> complaints::FileComplaint {
        complaints::FileComplaint {
            compound_id: self.compound_id.into(),
            category: self.category,
            title: self.title,
            description: self.description,
            location: self.location.map(|l| linli_domain::geo::GeoPoint {
                lat: l.lat,
                lon: l.lon,
            }),
            anonymous: self.anonymous,
            complainant_name: self.complainant_name,
            complainant_phone: self.complainant_phone,
            external_id: self.external_id,
        }
    }
}

impl CategoryUpdate {
    /// The use case's command for category `code`, as read at `expected_version`.
    pub fn into_command(self, code: String, expected_version: i64) -> complaints::UpdateCategory {
        complaints::UpdateCategory {
            code,
            sign_hours: self.sign_hours,
            resolve_hours: self.resolve_hours,
            handler_rule: self.handler_rule,
            active: self.active,
            expected_version,
        }
    }
}

impl ExtensionRequest {
    /// The use case's command for complaint `complaint_id`.
    pub fn into_command(self, complaint_id: Uuid) -> complaints::RequestExtension {
        complaints::RequestExtension {
            complaint_id: complaint_id.into(),
            hours: self.hours,
            reason: self.reason,
        }
    }
}

impl ExtensionDecision {
    /// The use case's command for one extension of one complaint.
    pub fn into_command(
        self,
        complaint_id: Uuid,
        extension_id: Uuid,
    ) -> complaints::DecideExtension {
        complaints::DecideExtension {
            complaint_id: complaint_id.into(),
            extension_id: extension_id.into(),
            approve: self.approve,
            note: self.note,
        }
    }
}

impl CalendarDayInput {
    /// The use case's command for `day`.
    pub fn into_command(self, day: chrono::NaiveDate) -> complaints::SetCalendarDay {
        complaints::SetCalendarDay {
            day,
            kind: self.kind,
            note: self.note,
        }
    }
}

impl ComplaintQuery {
    /// The use case's filters (`limit` and `cursor` are the adapter's).
    pub fn to_find(&self) -> complaints::FindComplaints {
        complaints::FindComplaints {
            area_id: self.area_id.map(Into::into),
            compound_id: self.compound_id.map(Into::into),
            status: self.status,
            category: self.category.clone(),
            handler_org_id: self.handler_org_id.map(Into::into),
            overdue: self.overdue,
            from: self.from,
            to: self.to,
            text: self.q.clone(),
        }
    }
}

/// A transition.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TransitionRequest {
    pub action: Transition,
    /// Free text for the timeline (required with `reject` and `return`).
    #[schema(max_length = 2000)]
    pub note: Option<String>,
    /// `reject`: duplicate | not_in_scope | insufficient_info | judicial_matter | other;
    /// `return`: not_our_responsibility | wrong_compound | needs_other_department | other.
    pub reason: Option<String>,
    /// `assign`: the handling organisation (default: the routed one).
    pub handler_org_id: Option<Uuid>,
    /// `resolve`: what was done.
    #[schema(max_length = 4000)]
    pub resolution: Option<String>,
    /// `review`: 1–5; below 3 reopens (once), then escalates.
    #[schema(minimum = 1, maximum = 5)]
    pub rating: Option<i16>,
    #[schema(max_length = 1000)]
    pub comment: Option<String>,
}

impl TransitionRequest {
    /// The use case's command for complaint `complaint_id`, as read at `expected_version`.
    pub fn into_command(
        self,
        complaint_id: Uuid,
        expected_version: i64,
    ) -> complaints::TransitionComplaint {
        complaints::TransitionComplaint {
            complaint_id: complaint_id.into(),
            action: self.action,
            note: self.note,
            reason: self.reason,
            handler_org_id: self.handler_org_id.map(Into::into),
            resolution: self.resolution,
            rating: self.rating,
            comment: self.comment,
            expected_version,
        }
    }
}

/// Complaints per status for inbox badges.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCountView {
    #[schema(value_type = linli_domain::complaint::Status)]
    pub status: String,
    pub count: i64,
    pub overdue: i64,
}

/// Merge a duplicate into another complaint.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MergeRequest {
    /// The complaint that carries on.
    pub into: Uuid,
}

impl MergeRequest {
    /// The use case's command merging complaint `complaint_id`, as read at `expected_version`.
    pub fn into_command(
        self,
        complaint_id: Uuid,
        expected_version: i64,
    ) -> complaints::MergeComplaint {
        complaints::MergeComplaint {
            complaint_id: complaint_id.into(),
            into: self.into.into(),
            expected_version,
        }
    }
}

/// Filters of the complaint statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintStatsQuery {
    /// `subdistrict` (default), `compound`, `category` or `handler`.
    pub group_by: Option<String>,
    /// Filed at or after.
    pub from: Option<DateTime<Utc>>,
    /// Filed before.
    pub to: Option<DateTime<Utc>>,
}

/// Volume, speed, punctuality and satisfaction of one group (the raw material of the
/// "red property" rating). Times are wall-clock hours from filing.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintGroupStats {
    /// The group's id (or category code); empty for complaints without a handler.
    pub key: Option<String>,
    pub name: Option<String>,
    pub volume: i64,
    pub accepted: i64,
    pub resolved: i64,
    pub open_overdue: i64,
    pub accept_hours_median: Option<f64>,
    pub accept_hours_p90: Option<f64>,
    pub resolve_hours_median: Option<f64>,
    pub resolve_hours_p90: Option<f64>,
    /// Share resolved by the deadline (0–1).
    pub on_time_rate: Option<f64>,
    /// Mean rating (1–5) of reviewed complaints.
    pub satisfaction: Option<f64>,
    pub rated: i64,
    /// True when the medians and p90s were read off the all-time histograms (within 5 %
    /// or one minute of the exact value); false when computed exactly for a period.
    pub percentiles_estimated: bool,
}

impl ComplaintGroupStats {
    pub fn new(
        g: linli_persistence::complaint_stats::GroupStats,
        percentiles_estimated: bool,
    ) -> Self {
        let round = |v: Option<f64>| v.map(|x| (x * 100.0).round() / 100.0);
        ComplaintGroupStats {
            key: g.key,
            name: g.name,
            volume: g.volume,
            accepted: g.accepted,
            resolved: g.resolved,
            open_overdue: g.open_overdue,
            accept_hours_median: round(g.accept_hours_median),
            accept_hours_p90: round(g.accept_hours_p90),
            resolve_hours_median: round(g.resolve_hours_median),
            resolve_hours_p90: round(g.resolve_hours_p90),
            on_time_rate: round(g.on_time_rate),
            satisfaction: round(g.satisfaction),
            rated: g.rated,
            percentiles_estimated,
        }
    }
}

/// The CSV's first line.
pub const EXPORT_HEADER: [&str; 17] = [
    "编号",
    "小区",
    "类别",
    "标题",
    "状态",
    "承办单位",
    "受理时间",
    "签收期限",
    "办结期限",
    "办结时间",
    "超期",
    "督办级别",
    "评分",
    "来电人",
    "电话",
    "渠道",
    "提交时间",
];

/// One line of the export.
pub fn export_row(c: &Complaint) -> Vec<String> {
    let time = |t: Option<DateTime<Utc>>| {
        t.map(|t| {
            t.with_timezone(&linli_domain::calendar::china())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
    };
    vec![
        c.number.clone(),
        c.compound_name.clone(),
        c.category_name.clone(),
        c.title.clone(),
        c.status().as_str().to_owned(),
        c.handler_org_name.clone().unwrap_or_default(),
        time(c.accepted_at),
        time(c.sign_by),
        time(c.resolve_by),
        time(c.resolved_at),
        if c.overdue { "是" } else { "否" }.to_owned(),
        c.escalation_level.to_string(),
        c.rating.map(|r| r.to_string()).unwrap_or_default(),
        if c.anonymous {
            String::new()
        } else {
            c.complainant_name.clone().unwrap_or_default()
        },
        if c.anonymous {
            String::new()
        } else {
            c.complainant_phone
                .as_deref()
                .map(mask_phone)
                .unwrap_or_default()
        },
        c.channel.clone(),
        time(Some(c.created_at)),
    ]
}

/// Where the photo belongs.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// `report` (complainant or dispatcher: what is wrong) or `result` (handler: what was done).
    pub purpose: Option<String>,
    /// The file's name, for display.
    #[param(max_length = 120)]
    pub name: Option<String>,
}
