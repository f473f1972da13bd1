//! The governance registry: organisations, people and posts, service contracts,
//! joint meetings and neighbourhood centres.

use std::collections::BTreeMap;

use crate::{
    DomainError, FieldErrors,
    ids::{AreaId, CompoundId, OrganisationId, PersonId},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// The kinds of organisation that govern and serve compounds.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OrgKind {
        /// 小区党组织 / 党支部
        CompoundPartyBranch = "compound_party_branch",
        /// 社区党总支
        CommunityPartyCommittee = "community_party_committee",
        /// 业主委员会
        OwnersCommittee = "owners_committee",
        /// 业主监督委员会
        SupervisoryCommittee = "supervisory_committee",
        /// 物业服务企业
        PropertyCompany = "property_company",
        /// 物业企业党组织
        PropertyCompanyPartyOrg = "property_company_party_org",
        /// 居民自治委员会
        ResidentsCommittee = "residents_committee",
        /// 志愿团队
        VolunteerTeam = "volunteer_team",
        /// 审计机构
        AuditFirm = "audit_firm",
        /// 综合行政执法队
        LawEnforcement = "law_enforcement",
        /// 合作单位 (e.g. a hospital)
        Partner = "partner",
    }
}

impl OrgKind {
    /// The four bodies of the "four-in-one" model: party branch leads, owners' committee
    /// defends rights, property company serves, supervisory committee oversees.
    pub const FOUR_BODIES: [OrgKind; 4] = [
        OrgKind::CompoundPartyBranch,
        OrgKind::OwnersCommittee,
        OrgKind::PropertyCompany,
        OrgKind::SupervisoryCommittee,
    ];
}

fn field(errors: &mut FieldErrors, name: &str, message: &str) {
    errors
        .entry(name.to_owned())
        .or_default()
        .push(message.to_owned());
}

fn finish(errors: FieldErrors) -> Result<(), DomainError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

fn check_len(errors: &mut FieldErrors, name: &str, value: &str, min: usize, max: usize) {
    let n = value.trim().chars().count();
    if n < min || value.chars().count() > max {
        field(
            errors,
            name,
            &format!("须为 {min} 到 {max} 个字符 / must be {min} to {max} characters"),
        );
    }
}

/// Checks a mainland phone-like number: digits, optional leading `+`, 5 to 20 long.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.strip_prefix('+').unwrap_or(phone);
    (5..=20).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// Checks the form of a resident identity card number (17 digits and a digit or X).
pub fn is_id_number(id: &str) -> bool {
    id.len() == 18
        && id[..17].chars().all(|c| c.is_ascii_digit())
        && id[17..]
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'X' || c == 'x')
}

/// An organisation's fields.
#[derive(Debug, Clone)]
pub struct OrganisationDraft {
    pub kind: OrgKind,
    pub name: String,
    pub area_id: AreaId,
    pub parent_id: Option<OrganisationId>,
    pub contact_phone: Option<String>,
    /// Compounds it serves (a party branch may cover several neighbouring compounds).
    pub compound_ids: Vec<CompoundId>,
}

impl OrganisationDraft {
    /// Field rules.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "name", &self.name, 1, 100);
        if let Some(phone) = &self.contact_phone
            && !phone
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '+')
        {
            field(
                &mut errors,
                "contact_phone",
                "电话号码格式不正确 / not a phone number",
            );
        }
        if self.compound_ids.len() > 50 {
            field(
                &mut errors,
                "compound_ids",
                "最多 50 个小区 / at most 50 compounds",
            );
        }
        finish(errors)
    }
}

/// A person's fields.
#[derive(Debug, Clone)]
pub struct PersonDraft {
    pub name: String,
    pub phone: Option<String>,
    pub id_number: Option<String>,
    pub is_party_member: bool,
    pub employer: Option<String>,
    pub home_compound_id: Option<CompoundId>,
}

impl PersonDraft {
    /// Field rules.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "name", &self.name, 1, 50);
        if self.phone.as_deref().is_some_and(|p| !is_phone(p)) {
            field(
                &mut errors,
                "phone",
                "电话号码须为 5 到 20 位数字 / phone must be 5 to 20 digits",
            );
        }
        if self.id_number.as_deref().is_some_and(|i| !is_id_number(i)) {
            field(
                &mut errors,
                "id_number",
                "身份证号须为 18 位 / an ID number has 18 characters",
            );
        }
        if let Some(employer) = &self.employer {
            check_len(&mut errors, "employer", employer, 1, 100);
        }
        finish(errors)
    }
}

/// A post's fields.
#[derive(Debug, Clone)]
pub struct PostDraft {
    pub person_id: PersonId,
    pub organisation_id: OrganisationId,
    pub title: String,
    pub single_holder: bool,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

impl PostDraft {
    /// Field rules: a title, and a term that ends after it starts.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "title", &self.title, 1, 50);
        if self.end_date.is_some_and(|end| end <= self.start_date) {
            field(
                &mut errors,
                "end_date",
                "任期结束须晚于开始 / the term must end after it starts",
            );
        }
        finish(errors)
    }

    /// Whether the post is held on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.start_date <= date && self.end_date.is_none_or(|end| date < end)
    }
}

/// A property service contract's fields.
#[derive(Debug, Clone)]
pub struct ContractDraft {
    pub company_id: OrganisationId,
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub service_items: Vec<String>,
    pub fee_fen_per_sqm: i64,
    /// One compound, or several for a bundle (连片打包).
    pub compound_ids: Vec<CompoundId>,
}

impl ContractDraft {
    /// Field rules.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "title", &self.title, 1, 100);
        if self.end_date < self.start_date {
            field(
                &mut errors,
                "end_date",
                "合同结束不能早于开始 / the term cannot end before it starts",
            );
        }
        if self.fee_fen_per_sqm < 0 {
            field(
                &mut errors,
                "fee_fen_per_sqm",
                "收费标准不能为负 / the fee cannot be negative",
            );
        }
        if self.compound_ids.is_empty() {
            field(
                &mut errors,
                "compound_ids",
                "至少包含一个小区 / at least one compound",
            );
        }
        if self.service_items.len() > 30
            || self
                .service_items
                .iter()
                .any(|s| s.trim().is_empty() || s.chars().count() > 50)
        {
            field(
                &mut errors,
                "service_items",
                "服务项目最多 30 项，每项 1 到 50 个字 / up to 30 items of 1 to 50 characters",
            );
        }
        finish(errors)
    }
}

/// Who attended for one body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// Kept a bare uuid: minutes are stored JSON and the demo seed builds them as such.
    pub organisation_id: uuid::Uuid,
    /// The body's kind (filled in by the server from the organisation).
    #[serde(default)]
    pub body: Option<OrgKind>,
    pub attendees: Vec<String>,
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub no: i32,
    pub title: String,
    #[serde(default)]
    pub discussion: String,
}

/// One resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub no: i32,
    pub text: String,
}

/// The minutes of a joint meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Minutes {
    pub attendance: Vec<Attendance>,
    pub agenda: Vec<AgendaItem>,
    pub resolutions: Vec<Resolution>,
}

impl Minutes {
    /// Field rules: bodies attend once; numbers unique; texts bounded.
    pub fn check(&self, errors: &mut FieldErrors) {
        let mut orgs: Vec<uuid::Uuid> = self.attendance.iter().map(|a| a.organisation_id).collect();
        orgs.sort();
        let before = orgs.len();
        orgs.dedup();
        if orgs.len() != before {
            field(
                errors,
                "minutes.attendance",
                "同一组织只能登记一次 / each body attends once",
            );
        }
        for (i, a) in self.attendance.iter().enumerate() {
            if a.attendees.len() > 50
                || a.attendees
                    .iter()
                    .any(|n| n.trim().is_empty() || n.chars().count() > 50)
            {
                field(
                    errors,
                    &format!("minutes.attendance[{i}].attendees"),
                    "出席人员姓名 1 到 50 个字 / names of 1 to 50 characters",
                );
            }
        }
        let numbers = |v: Vec<i32>| {
            let mut s = v.clone();
            s.sort_unstable();
            s.dedup();
            s.len() == v.len()
        };
        if !numbers(self.agenda.iter().map(|a| a.no).collect()) {
            field(
                errors,
                "minutes.agenda",
                "议题编号重复 / agenda numbers repeat",
            );
        }
        if !numbers(self.resolutions.iter().map(|r| r.no).collect()) {
            field(
                errors,
                "minutes.resolutions",
                "决议编号重复 / resolution numbers repeat",
            );
        }
        for (i, a) in self.agenda.iter().enumerate() {
            check_len(
                errors,
                &format!("minutes.agenda[{i}].title"),
                &a.title,
                1,
                200,
            );
            if a.discussion.chars().count() > 2000 {
                field(
                    errors,
                    &format!("minutes.agenda[{i}].discussion"),
                    "最多 2000 个字 / at most 2000 characters",
                );
            }
        }
        for (i, r) in self.resolutions.iter().enumerate() {
            check_len(
                errors,
                &format!("minutes.resolutions[{i}].text"),
                &r.text,
                1,
                1000,
            );
        }
    }

    /// The body kinds present.
    pub fn bodies(&self) -> Vec<OrgKind> {
        self.attendance.iter().filter_map(|a| a.body).collect()
    }
}

/// A joint meeting's fields.
#[derive(Debug, Clone)]
pub struct MeetingDraft {
    pub compound_id: CompoundId,
    pub held_on: NaiveDate,
    pub title: String,
    pub location: String,
    pub convener_org_id: OrganisationId,
    pub minutes: Minutes,
}

impl MeetingDraft {
    /// Field rules.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "title", &self.title, 1, 100);
        if self.location.chars().count() > 100 {
            field(
                &mut errors,
                "location",
                "最多 100 个字 / at most 100 characters",
            );
        }
        self.minutes.check(&mut errors);
        finish(errors)
    }
}

crate::text_enum! {
    /// Where a meeting record stands.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum MeetingStatus {
        /// Being written; editable.
        Draft = "draft",
        /// Signed off; read-only, corrected only by amendments.
        Finalised = "finalised",
    }
}

crate::text_enum! {
    /// The follow-up of a resolution.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum ActionStatus {
        Open = "open",
        Done = "done",
        Cancelled = "cancelled",
    }
}

/// An action item's fields.
#[derive(Debug, Clone)]
pub struct ActionItemDraft {
    pub resolution_no: Option<i32>,
    pub description: String,
    pub owner_org_id: OrganisationId,
    pub due_on: NaiveDate,
}

impl ActionItemDraft {
    /// Field rules.
    pub fn check(&self, errors: &mut FieldErrors, prefix: &str) {
        check_len(
            errors,
            &format!("{prefix}description"),
            &self.description,
            1,
            500,
        );
    }
}

/// Checks a status change of an action item: done needs the date it was done, which
/// cannot lie in the future; the other states carry no date.
pub fn check_action_status(
    status: ActionStatus,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), DomainError> {
    match (status, done_on) {
        (ActionStatus::Done, None) => Err(DomainError::field(
            "done_on",
            "办结须填写办结日期 / a done item needs the date it was done",
        )),
        (ActionStatus::Done, Some(d)) if d > today => Err(DomainError::field(
            "done_on",
            "办结日期不能在将来 / the done date cannot be in the future",
        )),
        (ActionStatus::Open | ActionStatus::Cancelled, Some(_)) => Err(DomainError::field(
            "done_on",
            "只有办结的事项有办结日期 / only done items have a done date",
        )),
        _ => Ok(()),
    }
}

/// Opening hours: weekday (1 = Monday … 7 = Sunday) -> [open, close] as `HH:MM`.
pub type OpeningHours = BTreeMap<String, [String; 2]>;

fn minutes_of(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && hhmm.len() == 5).then_some(h * 60 + m)
}

/// A neighbourhood centre's fields.
#[derive(Debug, Clone)]
pub struct CentreDraft {
    /// A bare uuid: the demo seed writes it as one.
    pub community_id: uuid::Uuid,
    pub name: String,
    pub address: String,
    pub location: crate::geo::GeoPoint,
    pub geofence_radius_m: i32,
    pub opening_hours: OpeningHours,
    pub services: Vec<String>,
}

impl CentreDraft {
    /// Field rules.
    pub fn check(&self) -> Result<(), DomainError> {
        let mut errors = FieldErrors::new();
        check_len(&mut errors, "name", &self.name, 1, 100);
        check_len(&mut errors, "address", &self.address, 1, 200);
        if let Err(DomainError::Validation(e)) = crate::error::validate(&self.location) {
            for (k, v) in e {
                errors.entry(format!("location.{k}")).or_default().extend(v);
            }
        }
        if !(10..=2000).contains(&self.geofence_radius_m) {
            field(
                &mut errors,
                "geofence_radius_m",
                "签到范围须在 10 到 2000 米之间 / the radius must be 10 to 2000 m",
            );
        }
        for (day, [open, close]) in &self.opening_hours {
            let valid_day = day.parse::<u8>().is_ok_and(|d| (1..=7).contains(&d));
            match (valid_day, minutes_of(open), minutes_of(close)) {
                (true, Some(o), Some(c)) if o < c => {}
                _ => field(
                    &mut errors,
                    &format!("opening_hours.{day}"),
                    "须为星期 1-7 与 HH:MM 开放、关闭时间，关闭晚于开放 / weekday 1-7 with HH:MM opening before closing",
                ),
            }
        }
        if self.services.len() > 30
            || self
                .services
                .iter()
                .any(|s| s.trim().is_empty() || s.chars().count() > 50)
        {
            field(
                &mut errors,
                "services",
                "服务项目最多 30 项，每项 1 到 50 个字 / up to 30 services of 1 to 50 characters",
            );
        }
        finish(errors)
    }

    /// Whether the centre is open at `minute` (0–1439) on `weekday` (1 = Monday).
    pub fn is_open(hours: &OpeningHours, weekday: u32, minute: u32) -> bool {
        hours.get(&weekday.to_string()).is_some_and(|[o, c]| {
            matches!((minutes_of(o), minutes_of(c)), (Some(o), Some(c)) if o <= minute && minute < c)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn kinds_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn a_post_must_end_after_it_starts() {
        let mut post = PostDraft {
            person_id: PersonId::new(uuid::Uuid::nil()),
            organisation_id: OrganisationId::new(uuid::Uuid::nil()),
            title: "书记".into(),
            single_holder: true,
            start_date: date(2026, 1, 1),
            end_date: Some(date(2026, 1, 1)),
        };
        assert!(post.check().is_err());
        post.end_date = Some(date(2026, 6, 30));
        assert!(post.check().is_ok());
        assert!(post.is_active_on(date(2026, 3, 1)));
        assert!(!post.is_active_on(date(2026, 6, 30)));
    }

    #[test]
    fn action_status_dates() {
        let today = date(2026, 11, 26);
        assert!(check_action_status(ActionStatus::Done, Some(today), today).is_ok());
        assert!(check_action_status(ActionStatus::Done, None, today).is_err());
        assert!(check_action_status(ActionStatus::Done, Some(date(2026, 12, 1)), today).is_err());
        assert!(check_action_status(ActionStatus::Open, Some(today), today).is_err());
        assert!(check_action_status(ActionStatus::Cancelled, None, today).is_ok());
    }

    #[test]
    fn opening_hours() {
        let mut hours = OpeningHours::new();
        hours.insert("1".into(), ["08:30".into(), "20:00".into()]);
        assert!(CentreDraft::is_open(&hours, 1, 9 * 60));
        assert!(!CentreDraft::is_open(&hours, 1, 20 * 60));
        assert!(!CentreDraft::is_open(&hours, 2, 9 * 60));
        let mut centre = CentreDraft {
            community_id: uuid::Uuid::nil(),
            name: "梓园邻里中心".into(),
            address: "梓园路 1 号".into(),
            location: crate::geo::GeoPoint {
                lat: 28.1,
                lon: 113.0,
            },
            geofence_radius_m: 150,
            opening_hours: hours,
            services: vec!["党员服务".into()],
        };
        assert!(centre.check().is_ok());
        centre
            .opening_hours
            .insert("8".into(), ["20:00".into(), "08:00".into()]);
        centre.geofence_radius_m = 5;
        let Err(DomainError::Validation(e)) = centre.check() else {
            panic!("expected errors")
        };
        assert!(e.contains_key("opening_hours.8") && e.contains_key("geofence_radius_m"));
    }

    #[test]
    fn minutes_rules() {
        let org = uuid::Uuid::from_u128(1);
        let minutes = Minutes {
            attendance: vec![
                Attendance {
                    organisation_id: org,
                    body: None,
                    attendees: vec!["张三".into()],
                },
                Attendance {
                    organisation_id: org,
                    body: None,
                    attendees: vec![],
                },
            ],
            agenda: vec![AgendaItem {
                no: 1,
                title: "停车".into(),
                discussion: String::new(),
            }],
            resolutions: vec![
                Resolution {
                    no: 1,
                    text: "a".into(),
                },
                Resolution {
                    no: 1,
                    text: "b".into(),
                },
            ],
        };
        let mut errors = FieldErrors::new();
        minutes.check(&mut errors);
        assert!(
            errors.contains_key("minutes.attendance") && errors.contains_key("minutes.resolutions")
        );
    }
}
