//! Governance registry bodies.

use chrono::{DateTime, NaiveDate, Utc};
use linli_app::meetings::{AmendMeeting, MeetingRecord, RecordMeeting, UpdateActionItem};
use linli_domain::{
    pii::{mask_id_number, mask_phone},
    registry::{
        ActionItemDraft, ActionStatus, CentreDraft, MeetingDraft, MeetingStatus, Minutes,
        OpeningHours, OrgKind, PostDraft,
    },
};
use linli_persistence::registry::{
    centres::Centre,
    contracts::Contract,
    meetings::{ActionItem, Amendment, ItemFilter, Meeting, MeetingFilter},
    organisations::Organisation,
    people::{CrossAppointment, Person, Post},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::compound::Location;

/// An organisation (小区党组织, 业委会, 物业服务企业 …).
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: Uuid,
    pub kind: OrgKind,
    pub name: String,
    pub area_id: Uuid,
    pub area_name: String,
    pub parent_id: Option<Uuid>,
    pub contact_phone: Option<String>,
    /// Compounds it serves.
    pub compound_ids: Vec<Uuid>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Organisation> for OrganisationView {
    fn from(o: Organisation) -> Self {
        OrganisationView {
            id: o.id,
            kind: o.kind,
            name: o.name,
            area_id: o.area_id,
            area_name: o.area_name,
            parent_id: o.parent_id,
            contact_phone: o.contact_phone,
            compound_ids: o.compound_ids,
            version: o.version,
            created_at: o.created_at,
            updated_at: o.updated_at,
        }
    }
}

/// One page of organisations.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationPage {
    pub items: Vec<OrganisationView>,
    pub next_cursor: Option<String>,
}

/// Filters of the organisation list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    #[param(value_type = Option<linli_domain::registry::OrgKind>)]
    pub kind: Option<OrgKind>,
    /// Sits in or serves a compound in this area.
    pub area_id: Option<Uuid>,
    /// Serves this compound (covers it, or holds its service contract today).
    pub compound_id: Option<Uuid>,
    #[param(max_length = 100)]
    pub name: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// An organisation's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OrganisationInput {
    pub kind: OrgKind,
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    pub area_id: Uuid,
    pub parent_id: Option<Uuid>,
    #[schema(max_length = 20)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub compound_ids: Vec<Uuid>,
}

/// A person. `phone` and `id_number` are masked; holders of `pii.read` may unmask them
/// with a reason (`POST /people/{id}/unmask`).
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonView {
    pub id: Uuid,
    pub name: String,
    #[schema(example = "138****5678")]
    pub phone: Option<String>,
    #[schema(example = "4****************4")]
    pub id_number: Option<String>,
    pub is_party_member: bool,
    /// In-service party members: their employer.
    pub employer: Option<String>,
    pub home_compound_id: Option<Uuid>,
    pub home_compound_name: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<Person> for PersonView {
    fn from(p: Person) -> Self {
        PersonView {
            id: p.id,
            name: p.name,
            phone: p.phone.as_deref().map(mask_phone),
            id_number: p.id_number.as_deref().map(mask_id_number),
            is_party_member: p.is_party_member,
            employer: p.employer,
            home_compound_id: p.home_compound_id,
            home_compound_name: p.home_compound_name,
            version: p.version,
            created_at: p.created_at,
        }
    }
}

/// One page of people.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonPage {
    pub items: Vec<PersonView>,
    pub next_cursor: Option<String>,
}

/// Filters of the people list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PersonQuery {
    #[param(max_length = 50)]
    pub name: Option<String>,
    pub compound_id: Option<Uuid>,
    pub is_party_member: Option<bool>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A person's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PersonInput {
    #[schema(min_length = 1, max_length = 50)]
    pub name: String,
    #[schema(pattern = "^\\+?[0-9]{5,20}$")]
    pub phone: Option<String>,
    #[schema(pattern = "^[0-9]{17}[0-9Xx]$")]
    pub id_number: Option<String>,
    #[serde(default)]
    pub is_party_member: bool,
    #[schema(max_length = 100)]
    pub employer: Option<String>,
    /// Where the person lives (in-service party members: the compound they report to).
    pub home_compound_id: Uuid,
}

/// A person's personal data, unmasked.
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonalData {
    pub phone: Option<String>,
    pub id_number: Option<String>,
}

/// A post (任职).
#[derive(Debug, Serialize, ToSchema)]
pub struct PostView {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_kind: OrgKind,
    #[schema(example = "书记")]
    pub title: String,
    /// One holder at a time (e.g. branch secretary).
    pub single_holder: bool,
    pub start_date: NaiveDate,
    /// Exclusive; empty while held.
    pub end_date: Option<NaiveDate>,
    pub version: i64,
}

impl From<Post> for PostView {
    fn from(p: Post) -> Self {
        let organisation_kind = p.org_kind();
        PostView {
            id: p.id,
            person_id: p.person_id,
            person_name: p.person_name,
            organisation_id: p.organisation_id,
            organisation_name: p.organisation_name,
            organisation_kind,
            title: p.title,
            single_holder: p.single_holder,
            start_date: p.start_date,
            end_date: p.end_date,
            version: p.version,
        }
    }
}

/// One page of posts.
#[derive(Debug, Serialize, ToSchema)]
pub struct PostPage {
    pub items: Vec<PostView>,
    pub next_cursor: Option<String>,
}

/// Filters of the posts list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PostQuery {
    pub person_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    /// Only posts held on this date.
    pub active_on: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A post's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PostInput {
    pub person_id: Uuid,
    pub organisation_id: Uuid,
    #[schema(min_length = 1, max_length = 50)]
    pub title: String,
    #[serde(default)]
    pub single_holder: bool,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

impl From<PostInput> for PostDraft {
    fn from(input: PostInput) -> Self {
        PostDraft {
            person_id: input.person_id.into(),
            organisation_id: input.organisation_id.into(),
            title: input.title,
            single_holder: input.single_holder,
            start_date: input.start_date,
            end_date: input.end_date,
        }
    }
}

/// Someone holding posts in two or more of a compound's four bodies.
#[derive(Debug, Serialize, ToSchema)]
pub struct CrossAppointmentView {
    pub person_id: Uuid,
    pub person_name: String,
    pub is_party_member: bool,
    /// "organisation title" of each post.
    pub posts: Vec<String>,
    #[schema(value_type = Vec<linli_domain::registry::OrgKind>)]
    pub bodies: Vec<String>,
}

impl From<CrossAppointment> for CrossAppointmentView {
    fn from(c: CrossAppointment) -> Self {
        CrossAppointmentView {
            person_id: c.person_id,
            person_name: c.person_name,
            is_party_member: c.is_party_member,
            posts: c.posts,
            bodies: c.bodies,
        }
    }
}

/// The date for cross-appointments (default today).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OnQuery {
    pub on: Option<NaiveDate>,
}

/// A property service contract; several compounds make a bundle (连片打包).
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractView {
    pub id: Uuid,
    pub company_id: Uuid,
    pub company_name: String,
    pub title: String,
    pub start_date: NaiveDate,
    /// Inclusive.
    pub end_date: NaiveDate,
    pub service_items: Vec<String>,
    /// Monthly fee per m² of floor area, in fen.
    pub fee_fen_per_sqm: i64,
    pub compound_ids: Vec<Uuid>,
    pub compound_names: Vec<String>,
    /// Buildings across the bundle.
    pub building_count: i64,
    pub is_bundle: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<Contract> for ContractView {
    fn from(c: Contract) -> Self {
        let is_bundle = c.compound_ids.len() > 1;
        ContractView {
            id: c.id,
            company_id: c.company_id,
            company_name: c.company_name,
            title: c.title,
            start_date: c.start_date,
            end_date: c.end_date,
            service_items: c.service_items.into_iter().flatten().collect(),
            fee_fen_per_sqm: c.fee_fen_per_sqm,
            compound_ids: c.compound_ids,
            compound_names: c.compound_names,
            building_count: c.building_count,
            is_bundle,
            version: c.version,
            created_at: c.created_at,
        }
    }
}

/// One page of contracts.
#[derive(Debug, Serialize, ToSchema)]
pub struct ContractPage {
    pub items: Vec<ContractView>,
    pub next_cursor: Option<String>,
}

/// Filters of the contract list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContractQuery {
    pub company_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    /// Only contracts in force on this date.
    pub active_on: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A contract's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ContractInput {
    pub company_id: Uuid,
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    #[serde(default)]
    pub service_items: Vec<String>,
    #[schema(minimum = 0)]
    pub fee_fen_per_sqm: i64,
    #[schema(min_items = 1)]
    pub compound_ids: Vec<Uuid>,
}

/// Who governs a compound today.
#[derive(Debug, Serialize, ToSchema)]
pub struct GovernanceView {
    pub compound_id: Uuid,
    pub compound_name: String,
    pub governance_mode: linli_domain::compound::GovernanceMode,
    /// Organisations serving it (party branch, committees, company, teams …).
    pub organisations: Vec<OrganisationView>,
    /// The service contract in force, with the other compounds of its bundle.
    pub contract: Option<ContractView>,
    pub cross_appointments: Vec<CrossAppointmentView>,
    /// The latest joint meeting.
    pub last_meeting_on: Option<NaiveDate>,
}

/// A joint meeting record.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingView {
    pub id: Uuid,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub location: String,
    pub convener_org_id: Uuid,
    pub convener_name: String,
    #[schema(value_type = MinutesSchema)]
    pub minutes: Minutes,
    pub status: MeetingStatus,
    pub finalised_at: Option<DateTime<Utc>>,
    pub action_items: Vec<ActionItemView>,
    pub amendments: Vec<AmendmentView>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<MeetingRecord> for MeetingView {
    /// A meeting with its items and amendments.
    fn from(record: MeetingRecord) -> Self {
        let MeetingRecord {
            meeting: m,
            action_items: items,
            amendments,
        } = record;
        let (status, minutes) = (m.status(), m.minutes());
        MeetingView {
            id: m.id,
            compound_id: m.compound_id,
            compound_name: m.compound_name,
            held_on: m.held_on,
            title: m.title,
            location: m.location,
            convener_org_id: m.convener_org_id,
            convener_name: m.convener_name,
            minutes,
            status,
            finalised_at: m.finalised_at,
            action_items: items.into_iter().map(ActionItemView::from).collect(),
            amendments: amendments.into_iter().map(AmendmentView::from).collect(),
            version: m.version,
            created_at: m.created_at,
        }
    }
}

/// The minutes: who attended for each body, the agenda, the resolutions.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MinutesSchema {
    pub attendance: Vec<AttendanceSchema>,
    pub agenda: Vec<AgendaItemSchema>,
    pub resolutions: Vec<ResolutionSchema>,
}

/// Who attended for one body.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AttendanceSchema {
    pub organisation_id: Uuid,
    /// Filled in by the server.
    #[schema(value_type = Option<linli_domain::registry::OrgKind>)]
    pub body: Option<String>,
    pub attendees: Vec<String>,
}

/// One agenda item (议题).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AgendaItemSchema {
    pub no: i32,
    pub title: String,
    #[serde(default)]
    pub discussion: String,
}

/// One resolution (决议).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ResolutionSchema {
    pub no: i32,
    pub text: String,
}

/// A correction to a finalised record.
#[derive(Debug, Serialize, ToSchema)]
pub struct AmendmentView {
    pub id: Uuid,
    pub reason: String,
    pub correction: String,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
}

impl From<Amendment> for AmendmentView {
    fn from(a: Amendment) -> Self {
        AmendmentView {
            id: a.id,
            reason: a.reason,
            correction: a.correction,
            created_by_name: a.created_by_name,
            created_at: a.created_at,
        }
    }
}

/// Summary of a meeting in lists.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingSummary {
    pub id: Uuid,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub held_on: NaiveDate,
    pub title: String,
    pub convener_name: String,
    pub status: MeetingStatus,
    /// Bodies that attended.
    #[schema(value_type = Vec<linli_domain::registry::OrgKind>)]
    pub bodies: Vec<OrgKind>,
}

impl From<Meeting> for MeetingSummary {
    fn from(m: Meeting) -> Self {
        let (status, bodies) = (m.status(), m.minutes().bodies());
        MeetingSummary {
            id: m.id,
            compound_id: m.compound_id,
            compound_name: m.compound_name,
            held_on: m.held_on,
            title: m.title,
            convener_name: m.convener_name,
            status,
            bodies,
        }
    }
}

/// One page of meetings.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingPage {
    pub items: Vec<MeetingSummary>,
    pub next_cursor: Option<String>,
}

/// Filters of the meeting list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MeetingQuery {
    pub compound_id: Option<Uuid>,
    #[param(value_type = Option<linli_domain::registry::MeetingStatus>)]
    pub status: Option<MeetingStatus>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

impl MeetingQuery {
    /// The filters of the list.
    pub fn to_filter(&self) -> MeetingFilter {
        MeetingFilter {
            compound_id: self.compound_id,
            status: self.status,
            from: self.from,
            to: self.to,
        }
    }
}

/// An action item as written in a meeting record.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ActionItemInput {
    /// The resolution it carries out.
    pub resolution_no: Option<i32>,
    #[schema(min_length = 1, max_length = 500)]
    pub description: String,
    pub owner_org_id: Uuid,
    pub due_on: NaiveDate,
}

/// A meeting's fields (while it is a draft).
#[derive(Debug, Deserialize, ToSchema)]
pub struct MeetingInput {
    pub compound_id: Uuid,
    pub held_on: NaiveDate,
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[serde(default)]
    #[schema(max_length = 100)]
    pub location: String,
    pub convener_org_id: Uuid,
    #[schema(value_type = MinutesSchema)]
    pub minutes: Minutes,
    #[serde(default)]
    pub action_items: Vec<ActionItemInput>,
}

impl MeetingInput {
    /// The record the use cases take.
    pub fn into_command(self) -> RecordMeeting {
        RecordMeeting {
            draft: MeetingDraft {
                compound_id: self.compound_id.into(),
                held_on: self.held_on,
                title: self.title,
                location: self.location,
                convener_org_id: self.convener_org_id.into(),
                minutes: self.minutes,
            },
            action_items: self
                .action_items
                .into_iter()
                .map(|i| ActionItemDraft {
                    resolution_no: i.resolution_no,
                    description: i.description,
                    owner_org_id: i.owner_org_id.into(),
                    due_on: i.due_on,
                })
                .collect(),
        }
    }
}

/// A correction of a finalised record.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AmendmentInput {
    #[schema(min_length = 4, max_length = 500)]
    pub reason: String,
    #[schema(min_length = 1, max_length = 2000)]
    pub correction: String,
}

impl AmendmentInput {
    /// The amendment of meeting `meeting_id`.
    pub fn into_command(self, meeting_id: Uuid) -> AmendMeeting {
        AmendMeeting {
            meeting_id: meeting_id.into(),
            reason: self.reason,
            correction: self.correction,
        }
    }
}

/// A follow-up item (待办) of a meeting.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemView {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub resolution_no: Option<i32>,
    pub description: String,
    pub owner_org_id: Uuid,
    pub owner_org_name: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
    /// Open past its due date.
    pub overdue: bool,
    /// Follow-up is possible once the meeting record is finalised.
    pub meeting_finalised: bool,
    pub version: i64,
}

impl From<ActionItem> for ActionItemView {
    fn from(i: ActionItem) -> Self {
        let status = i.action_status();
        ActionItemView {
            id: i.id,
            meeting_id: i.meeting_id,
            compound_id: i.compound_id,
            compound_name: i.compound_name,
            resolution_no: i.resolution_no,
            description: i.description,
            owner_org_id: i.owner_org_id,
            owner_org_name: i.owner_org_name,
            due_on: i.due_on,
            status,
            done_on: i.done_on,
            overdue: i.overdue,
            meeting_finalised: i.meeting_finalised,
            version: i.version,
        }
    }
}

/// One page of action items.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActionItemPage {
    pub items: Vec<ActionItemView>,
    pub next_cursor: Option<String>,
}

/// Filters of the action-item list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionItemQuery {
    /// Only overdue (open past due) or only not overdue.
    pub overdue: Option<bool>,
    #[param(value_type = Option<linli_domain::registry::ActionStatus>)]
    pub status: Option<ActionStatus>,
    pub owner_org_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A follow-up.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ActionItemStatusInput {
    pub status: ActionStatus,
    /// Required for `done`.
    pub done_on: Option<NaiveDate>,
}

impl ActionItemQuery {
    /// The filters of the list.
    pub fn to_filter(&self) -> ItemFilter {
        ItemFilter {
            overdue: self.overdue,
            status: self.status,
            owner_org_id: self.owner_org_id,
            compound_id: self.compound_id,
        }
    }
}

impl ActionItemStatusInput {
    /// The follow-up of item `item_id`, read at `expected_version`.
    pub fn into_command(self, item_id: Uuid, expected_version: i64) -> UpdateActionItem {
        UpdateActionItem {
            item_id: item_id.into(),
            status: self.status,
            done_on: self.done_on,
            expected_version,
        }
    }
}

/// A neighbourhood centre (邻里中心).
#[derive(Debug, Serialize, ToSchema)]
pub struct CentreView {
    pub id: Uuid,
    pub community_id: Uuid,
    pub community_name: String,
    pub name: String,
    pub address: String,
    pub location: Location,
    /// Check-ins count within this distance of `location`.
    pub geofence_radius_m: i32,
    /// Weekday (1 = Monday) -> [open, close], `HH:MM`.
    #[schema(value_type = std::collections::HashMap<String, Vec<String>>, example = json!({"1": ["08:30", "20:00"]}))]
    pub opening_hours: serde_json::Value,
    pub services: Vec<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<Centre> for CentreView {
    fn from(c: Centre) -> Self {
        CentreView {
            id: c.id,
            community_id: c.community_id,
            community_name: c.community_name,
            name: c.name,
            address: c.address,
            location: Location {
                lat: c.lat,
                lon: c.lon,
            },
            geofence_radius_m: c.geofence_radius_m,
            opening_hours: c.opening_hours,
            services: c.services.into_iter().flatten().collect(),
            version: c.version,
            created_at: c.created_at,
        }
    }
}

/// One page of centres.
#[derive(Debug, Serialize, ToSchema)]
pub struct CentrePage {
    pub items: Vec<CentreView>,
    pub next_cursor: Option<String>,
}

/// Filters of the centre list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CentreQuery {
    pub area_id: Option<Uuid>,
    #[param(max_length = 100)]
    pub name: Option<String>,
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    #[param(max_length = 512)]
    pub cursor: Option<String>,
}

/// A centre's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CentreInput {
    pub community_id: Uuid,
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(min_length = 1, max_length = 200)]
    pub address: String,
    pub location: Location,
    #[schema(minimum = 10, maximum = 2000)]
    pub geofence_radius_m: i32,
    #[schema(value_type = std::collections::HashMap<String, Vec<String>>, example = json!({"1": ["08:30", "20:00"], "7": ["09:00", "17:00"]}))]
    pub opening_hours: OpeningHours,
    #[serde(default)]
    pub services: Vec<String>,
}

impl From<CentreInput> for CentreDraft {
    fn from(input: CentreInput) -> Self {
        CentreDraft {
            community_id: input.community_id,
            name: input.name,
            address: input.address,
            location: input.location.into(),
            geofence_radius_m: input.geofence_radius_m,
            opening_hours: input.opening_hours,
            services: input
                .services
                .into_iter()
                .map(|s| s.trim().to_owned())
                .collect(),
        }
    }
}

/// Governance indicators of one subdistrict (or the whole scope).
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorsView {
    pub area_id: Option<Uuid>,
    pub area_name: Option<String>,
    pub compounds: i64,
    pub property_managed: i64,
    pub entrusted: i64,
    pub self_managed: i64,
    /// Compounds covered by a compound party organisation.
    pub covered_compounds: i64,
    pub uncovered_compounds: i64,
    pub compound_party_orgs: i64,
    pub property_company_party_orgs: i64,
    pub owners_committee_members: i64,
    pub owners_committee_party_members: i64,
    /// Party members among owners' committee members, in percent (one decimal).
    pub owners_committee_party_share_pct: f64,
    pub compounds_without_recent_meeting: i64,
    pub cross_appointments: i64,
    pub centres: i64,
}

impl From<linli_persistence::registry::indicators::Indicators> for IndicatorsView {
    fn from(i: linli_persistence::registry::indicators::Indicators) -> Self {
        let share = if i.owners_committee_members > 0 {
            (i.owners_committee_party_members as f64 * 1000.0 / i.owners_committee_members as f64)
                .round()
                / 10.0
        } else {
            0.0
        };
        IndicatorsView {
            area_id: i.area_id,
            area_name: i.area_name,
            compounds: i.compounds,
            property_managed: i.property_managed,
            entrusted: i.entrusted,
            self_managed: i.self_managed,
            covered_compounds: i.covered_compounds,
            uncovered_compounds: i.compounds - i.covered_compounds,
            compound_party_orgs: i.compound_party_orgs,
            property_company_party_orgs: i.property_company_party_orgs,
            owners_committee_members: i.owners_committee_members,
            owners_committee_party_members: i.owners_committee_party_members,
            owners_committee_party_share_pct: share,
            compounds_without_recent_meeting: i.compounds_without_recent_meeting,
            cross_appointments: i.cross_appointments,
            centres: i.centres,
        }
    }
}

/// Indicators per subdistrict and in total.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistryIndicators {
    pub totals: IndicatorsView,
    pub items: Vec<IndicatorsView>,
}

/// One owners' committee and its party members.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitteeShareView {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub members: i64,
    pub party_members: i64,
    pub party_share_pct: f64,
}

/// One page of committees.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommitteeSharePage {
    pub items: Vec<CommitteeShareView>,
    pub next_cursor: Option<String>,
}
