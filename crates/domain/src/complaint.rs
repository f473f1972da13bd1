//! Complaints (诉求): the 12345-style work-order life cycle and who may move it.
//!
//! ```text
//! submitted ─accept─▶ accepted ─assign─▶ assigned ─sign─▶ signed ─start─▶ in_progress ─resolve─▶ resolved ─review(satisfied)─▶ closed
//!     │                                   │  ▲                                  ▲                    │
//!     └─reject─▶ rejected                 │  └──────── assign (after arbitration) ── returned ◀─return┘ (handler hands it back)
//!                                         └─return─▶ returned          review(unsatisfied, first time) ─▶ in_progress (reopened)
//!                                                                      review(unsatisfied, again) ─▶ closed + escalated
//! ```

use serde::{Deserialize, Serialize};

use crate::{
    DomainError,
    ids::{ComplaintId, CompoundId, OrganisationId},
};

crate::text_enum! {
    /// Where a complaint stands.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[cfg_attr(feature = "openapi", schema(as = ComplaintStatus))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// 待受理
        Submitted = "submitted",
        /// 已受理
        Accepted = "accepted",
        /// 不予受理
        Rejected = "rejected",
        /// 已派单
        Assigned = "assigned",
        /// 已签收: the resolve clock runs.
        Signed = "signed",
        /// 已退单: the community arbitrates and reassigns.
        Returned = "returned",
        /// 办理中
        InProgress = "in_progress",
        /// 已办结, awaiting the complainant's review.
        Resolved = "resolved",
        /// 已关闭
        Closed = "closed",
    }
}

impl Status {
    /// Open statuses count towards SLAs and the inbox.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Rejected | Status::Closed)
    }
}

crate::text_enum! {
    /// Something done to a complaint.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[cfg_attr(feature = "openapi", schema(as = ComplaintTransition))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Transition {
        Accept = "accept",
        Reject = "reject",
        Assign = "assign",
        Sign = "sign",
        Return = "return",
        Start = "start",
        Resolve = "resolve",
        Review = "review",
        Close = "close",
    }
}

/// How the caller stands to one complaint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Standing {
    /// Community/subdistrict/district staff over the compound (受理, 派单, 仲裁).
    pub dispatcher: bool,
    /// A member of the organisation the complaint is assigned to.
    pub handler: bool,
    /// The resident who filed it.
    pub complainant: bool,
}

/// The status after `transition`, if the status allows it at all. Review depends on the
/// rating, so it is resolved by [`review_outcome`].
fn target(from: Status, transition: Transition) -> Option<Status> {
    use Status::*;
    use Transition::*;
    match (from, transition) {
        (Submitted, Accept) => Some(Accepted),
        (Submitted, Reject) => Some(Rejected),
        (Accepted | Returned, Assign) => Some(Assigned),
        (Assigned, Sign) => Some(Signed),
        (Assigned | Signed, Return) => Some(Returned),
        (Signed, Start) => Some(InProgress),
        (Signed | InProgress, Resolve) => Some(Resolved),
        (Resolved, Review) => Some(Closed),
        // Staff close a resolved complaint the complainant never reviewed.
        (Resolved, Close) => Some(Closed),
        _ => None,
    }
}

fn permitted(transition: Transition, standing: Standing) -> bool {
    use Transition::*;
    match transition {
        Accept | Reject | Assign | Close => standing.dispatcher,
        Sign | Return | Start | Resolve => standing.handler,
        Review => standing.complainant,
    }
}

/// The transitions the caller may make now (listed in 409 answers and shown as buttons).
pub fn allowed(from: Status, standing: Standing) -> Vec<Transition> {
    Transition::ALL
        .into_iter()
        .filter(|t| target(from, *t).is_some() && permitted(*t, standing))
        .collect()
}

/// Checks a transition; returns the next status (for a review: see [`review_outcome`]).
pub fn apply(
    from: Status,
    transition: Transition,
    standing: Standing,
) -> Result<Status, DomainError> {
    match target(from, transition) {
        Some(to) if permitted(transition, standing) => Ok(to),
        // The caller may see the complaint but this move is not theirs.
        Some(_) if standing != Standing::default() => Err(DomainError::Forbidden),
        _ => Err(DomainError::WrongState {
            code: "transition_not_allowed",
            detail: format!(
                "当前状态（{}）不能执行该操作（{}）/ `{}` is not possible while the complaint is `{}`",
                from.as_str(),
                transition.as_str(),
                transition.as_str(),
                from.as_str()
            ),
            allowed: allowed(from, standing)
                .into_iter()
                .map(|t| t.as_str().to_owned())
                .collect(),
        }),
    }
}

/// Ratings below this are unsatisfied.
pub const SATISFIED_FROM: i16 = 3;

/// What a review leads to: satisfied closes; the first unsatisfied review reopens the
/// complaint (back to the handler); a second escalates (督办) and closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    Close,
    Reopen,
    Escalate,
}

/// Decides a review.
pub fn review_outcome(rating: i16, reopened_before: i32) -> Result<ReviewOutcome, DomainError> {
    if !(1..=5).contains(&rating) {
        return Err(DomainError::field(
            "rating",
            "评分须为 1 到 5 / the rating must be 1 to 5",
        ));
    }
    Ok(if rating >= SATISFIED_FROM {
        ReviewOutcome::Close
    } else if reopened_before == 0 {
        ReviewOutcome::Reopen
    } else {
        ReviewOutcome::Escalate
    })
}

/// Reasons a complaint may be rejected (不予受理), chosen from a list plus free text.
pub const REJECT_REASONS: &[&str] = &[
    "duplicate",         // 重复诉求
    "not_in_scope",      // 不属于受理范围
    "insufficient_info", // 信息不全无法核实
    "judicial_matter",   // 已进入司法程序
    "other",             // 其他
];

/// Reasons a handler may return an order (退单).
pub const RETURN_REASONS: &[&str] = &[
    "not_our_responsibility", // 不属于本单位职责
    "wrong_compound",         // 小区信息错误
    "needs_other_department", // 需其他部门处理
    "other",
];

#[cfg(test)]
mod tests {
    use super::*;

    const DISPATCHER: Standing = Standing {
        dispatcher: true,
        handler: false,
        complainant: false,
    };
    const HANDLER: Standing = Standing {
        dispatcher: false,
        handler: true,
        complainant: false,
    };
    const RESIDENT: Standing = Standing {
        dispatcher: false,
        handler: false,
        complainant: true,
    };

    #[test]
    fn the_happy_path() {
        let mut s = Status::Submitted;
        for (t, who) in [
            (Transition::Accept, DISPATCHER),
            (Transition::Assign, DISPATCHER),
            (Transition::Sign, HANDLER),
            (Transition::Start, HANDLER),
            (Transition::Resolve, HANDLER),
            (Transition::Review, RESIDENT),
        ] {
            s = apply(s, t, who).unwrap_or(Status::Submitted);
        }
        assert_eq!(s, Status::Closed);
    }

    #[test]
    fn wrong_roles_are_forbidden_and_wrong_states_list_what_is_allowed() {
        assert_eq!(
            apply(Status::Submitted, Transition::Accept, HANDLER),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            apply(Status::Assigned, Transition::Sign, DISPATCHER),
            Err(DomainError::Forbidden)
        );
        match apply(Status::Closed, Transition::Resolve, HANDLER) {
            Err(DomainError::WrongState { allowed, .. }) => assert!(allowed.is_empty()),
            other => panic!("{other:?}"),
        }
        match apply(Status::Assigned, Transition::Resolve, HANDLER) {
            Err(DomainError::WrongState { allowed, .. }) => assert_eq!(allowed, ["sign", "return"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_returned_order_goes_back_to_the_dispatcher() {
        assert_eq!(
            apply(Status::Assigned, Transition::Return, HANDLER),
            Ok(Status::Returned)
        );
        assert_eq!(allowed(Status::Returned, DISPATCHER), [Transition::Assign]);
    }

    #[test]
    fn unsatisfied_reviews_reopen_once_then_escalate() {
        assert_eq!(review_outcome(5, 0), Ok(ReviewOutcome::Close));
        assert_eq!(review_outcome(2, 0), Ok(ReviewOutcome::Reopen));
        assert_eq!(review_outcome(1, 1), Ok(ReviewOutcome::Escalate));
        assert!(review_outcome(6, 0).is_err());
    }
}

crate::text_enum! {
    /// How a category picks its handler.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum HandlerRule {
        /// By the compound's governance mode: its property company, its bundle's company, or
        /// its residents' self-governance committee.
        GovernanceMode = "governance_mode",
        /// The subdistrict's law-enforcement team, dispatched via the community.
        LawEnforcement = "law_enforcement",
        /// The compound's owners' committee (public revenue).
        OwnersCommittee = "owners_committee",
        /// The community itself (e.g. complaints about the owners' committee).
        Community = "community",
    }
}

/// The organisations that could handle a complaint about one compound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Candidates {
    /// The company holding the compound's service contract today (single or bundle).
    pub contract_company: Option<OrganisationId>,
    pub residents_committee: Option<OrganisationId>,
    pub owners_committee: Option<OrganisationId>,
    pub law_enforcement: Option<OrganisationId>,
    pub community_committee: Option<OrganisationId>,
}

/// The handler a complaint is routed to, and the rule that chose it (kept on the
/// complaint so anyone can see why an order went where it went).
pub fn route(
    rule: HandlerRule,
    mode: crate::compound::GovernanceMode,
    c: Candidates,
) -> (Option<OrganisationId>, String) {
    use crate::compound::GovernanceMode::*;
    let chosen = match rule {
        HandlerRule::LawEnforcement => c.law_enforcement.map(|o| {
            (
                o,
                "law_enforcement: 街道综合行政执法队（经社区派单）".to_owned(),
            )
        }),
        HandlerRule::OwnersCommittee => c
            .owners_committee
            .map(|o| (o, "owners_committee: 小区业主委员会".to_owned())),
        HandlerRule::Community => c
            .community_committee
            .map(|o| (o, "community: 社区党总支".to_owned())),
        HandlerRule::GovernanceMode => match mode {
            PropertyManaged => c.contract_company.map(|o| {
                (
                    o,
                    "governance_mode/property_managed: 物业服务企业".to_owned(),
                )
            }),
            Entrusted => c.contract_company.map(|o| {
                (
                    o,
                    "governance_mode/entrusted: 连片托管合同的服务企业".to_owned(),
                )
            }),
            SelfManaged => c
                .residents_committee
                .map(|o| (o, "governance_mode/self_managed: 居民自治委员会".to_owned())),
        },
    };
    match chosen {
        Some((org, why)) => (Some(org), why),
        // Nobody fits (no contract, no committee): the community handles it itself.
        None => (
            c.community_committee,
            format!(
                "fallback/{}: 无对应责任主体，由社区党总支办理",
                rule.as_str()
            ),
        ),
    }
}

#[cfg(test)]
mod routing_tests {
    use super::*;
    use crate::compound::GovernanceMode;
    use uuid::Uuid;

    fn candidates() -> Candidates {
        Candidates {
            contract_company: Some(OrganisationId::new(Uuid::from_u128(1))),
            residents_committee: Some(OrganisationId::new(Uuid::from_u128(2))),
            owners_committee: Some(OrganisationId::new(Uuid::from_u128(3))),
            law_enforcement: Some(OrganisationId::new(Uuid::from_u128(4))),
            community_committee: Some(OrganisationId::new(Uuid::from_u128(5))),
        }
    }

    #[test]
    fn each_governance_mode_routes_to_its_body() {
        let c = candidates();
        assert_eq!(
            route(
                HandlerRule::GovernanceMode,
                GovernanceMode::PropertyManaged,
                c
            )
            .0,
            c.contract_company
        );
        assert_eq!(
            route(HandlerRule::GovernanceMode, GovernanceMode::Entrusted, c).0,
            c.contract_company
        );
        assert_eq!(
            route(HandlerRule::GovernanceMode, GovernanceMode::SelfManaged, c).0,
            c.residents_committee
        );
        assert_eq!(
            route(HandlerRule::LawEnforcement, GovernanceMode::SelfManaged, c).0,
            c.law_enforcement
        );
        let (org, why) = route(
            HandlerRule::GovernanceMode,
            GovernanceMode::SelfManaged,
            Candidates {
                residents_committee: None,
                ..c
            },
        );
        assert_eq!(org, c.community_committee);
        assert!(why.starts_with("fallback/"));
    }
}

crate::text_enum! {
    /// How a complaint came in (`complaints.channel`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Channel {
        /// A resident on the app, about their own compound.
        App = "app",
        /// Staff on a caller's behalf (walk-in or phone).
        Staff = "staff",
        /// A government system with an API key (the 12345 hotline's import).
        Hotline = "hotline",
        /// An Open311 GeoReport v2 client with an API key.
        Open311 = "open311",
    }
}

/// The longest title a complaint may have, in characters.
pub const TITLE_MAX_CHARS: usize = 100;
/// The longest description, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 4000;

/// A complaint as it is filed, before it is routed.
#[derive(Debug, Clone, Copy)]
pub struct Intake<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub complainant_name: Option<&'a str>,
    pub complainant_phone: Option<&'a str>,
    pub location: Option<crate::geo::GeoPoint>,
    pub anonymous: bool,
    pub external_id: Option<&'a str>,
}

/// A title made from a description, for channels that send none (Open311): its first
/// [`TITLE_MAX_CHARS`] characters.
pub fn title_from(description: &str) -> String {
    description.trim().chars().take(TITLE_MAX_CHARS).collect()
}

/// The rules every channel's complaint obeys; every broken rule is named at once.
pub fn check_intake(intake: &Intake<'_>, channel: Channel) -> Result<(), DomainError> {
    let mut errors = crate::FieldErrors::new();
    let mut check = |ok: bool, field: &str, message: &str| {
        if !ok {
            errors
                .entry(field.to_owned())
                .or_default()
                .push(message.to_owned());
        }
    };
    let chars = |s: &str| s.trim().chars().count();
    check(
        (1..=TITLE_MAX_CHARS).contains(&chars(intake.title)),
        "title",
        "标题须为 1 到 100 个字 / the title must be 1 to 100 characters",
    );
    check(
        (1..=DESCRIPTION_MAX_CHARS).contains(&chars(intake.description)),
        "description",
        "内容须为 1 到 4000 个字 / the description must be 1 to 4000 characters",
    );
    check(
        intake
            .complainant_phone
            .is_none_or(crate::registry::is_phone),
        "complainant_phone",
        "电话号码须为 5 到 20 位数字 / phone must be 5 to 20 digits",
    );
    check(
        intake
            .complainant_name
            .is_none_or(|n| (1..=50).contains(&chars(n))),
        "complainant_name",
        "姓名须为 1 到 50 个字 / name must be 1 to 50 characters",
    );
    check(
        intake
            .location
            .is_none_or(|l| (-90.0..=90.0).contains(&l.lat) && (-180.0..=180.0).contains(&l.lon)),
        "location",
        "坐标超出范围 / coordinates out of range",
    );
    if channel == Channel::Staff && !intake.anonymous {
        check(
            intake.complainant_name.is_some() && intake.complainant_phone.is_some(),
            "complainant_phone",
            "代为登记须填写来电人姓名和电话 / staff filing for a caller need the caller's name and phone",
        );
    }
    if channel == Channel::Hotline {
        check(
            intake
                .external_id
                .is_some_and(|e| (1..=100).contains(&e.len())),
            "external_id",
            "系统导入须带外部编号 / imports need the source system's id",
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

#[cfg(test)]
mod intake_tests {
    use super::*;

    fn intake<'a>() -> Intake<'a> {
        Intake {
            title: "夜间施工噪音",
            description: "晚上十一点仍在施工",
            complainant_name: None,
            complainant_phone: None,
            location: None,
            anonymous: false,
            external_id: None,
        }
    }

    fn fields(result: Result<(), DomainError>) -> Vec<String> {
        match result {
            Err(DomainError::Validation(errors)) => errors.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn every_broken_rule_is_named() {
        assert!(check_intake(&intake(), Channel::App).is_ok());
        let long = "字".repeat(101);
        let bad = Intake {
            title: &long,
            description: " ",
            complainant_phone: Some("12"),
            location: Some(crate::geo::GeoPoint {
                lat: 91.0,
                lon: 0.0,
            }),
            ..intake()
        };
        let mut named = fields(check_intake(&bad, Channel::App));
        named.sort();
        assert_eq!(
            named,
            ["complainant_phone", "description", "location", "title"]
        );
    }

    #[test]
    fn staff_name_the_caller_and_systems_their_own_id() {
        assert_eq!(
            fields(check_intake(&intake(), Channel::Staff)),
            ["complainant_phone"]
        );
        let anonymous = Intake {
            anonymous: true,
            ..intake()
        };
        assert!(check_intake(&anonymous, Channel::Staff).is_ok());
        assert_eq!(
            fields(check_intake(&intake(), Channel::Hotline)),
            ["external_id"]
        );
        assert!(check_intake(&intake(), Channel::Open311).is_ok());
    }

    #[test]
    fn a_title_from_a_description_keeps_a_hundred_characters() {
        let text = format!("  {}", "诉".repeat(150));
        assert_eq!(title_from(&text).chars().count(), TITLE_MAX_CHARS);
        assert_eq!(title_from(" 短 "), "短");
    }
}

/// The reason of a rejection or a return: a code of `list` and an explanation, kept as
/// `code: text`.
pub fn checked_reason(
    list: &[&str],
    given: Option<&str>,
    note: Option<&str>,
) -> Result<String, DomainError> {
    let Some(code) = given.filter(|r| list.contains(r)) else {
        return Err(DomainError::field(
            "reason",
            format!(
                "请选择原因：{} / choose a reason: {}",
                list.join("、"),
                list.join(", ")
            ),
        ));
    };
    let Some(text) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Err(DomainError::field(
            "note",
            "请写明具体原因，便于申诉人理解 / explain the reason so the complainant understands",
        ));
    };
    Ok(format!("{code}: {text}"))
}

/// What the handler did, trimmed: 1 to 4000 characters.
pub fn checked_resolution(given: Option<&str>) -> Result<String, DomainError> {
    given
        .map(str::trim)
        .filter(|r| (1..=4000).contains(&r.chars().count()))
        .map(str::to_owned)
        .ok_or_else(|| DomainError::field("resolution", "请填写办理结果 / describe what was done"))
}

/// The complainant's rating, which a review must carry (its range is checked by
/// [`review_outcome`]).
pub fn required_rating(given: Option<i16>) -> Result<i16, DomainError> {
    given.ok_or_else(|| DomainError::field("rating", "请评分（1 到 5）/ give a rating of 1 to 5"))
}

/// An extension may be asked for only while the order is being worked on.
pub fn may_extend(status: Status) -> Result<(), DomainError> {
    if matches!(status, Status::Signed | Status::InProgress) {
        Ok(())
    } else {
        Err(DomainError::WrongState {
            code: "transition_not_allowed",
            detail: "只有已签收、办理中的诉求可以申请延期 / only signed or in-progress complaints can be extended".into(),
            allowed: vec![],
        })
    }
}

/// A request for more time: 1 to 720 working hours and a reason of 4 to 500 characters
/// (returned trimmed).
pub fn checked_extension(hours: i32, reason: &str) -> Result<&str, DomainError> {
    let reason = reason.trim();
    if !(1..=720).contains(&hours) {
        return Err(DomainError::field(
            "hours",
            "延期须为 1 到 720 工作小时 / 1 to 720 working hours",
        ));
    }
    if !(4..=500).contains(&reason.chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请说明延期原因（4 到 500 字）/ explain why (4 to 500 characters)",
        ));
    }
    Ok(reason)
}

/// One side of a merge, as far as the merge rule looks at it.
#[derive(Debug, Clone, Copy)]
pub struct MergeSide<'a> {
    pub id: ComplaintId,
    pub compound_id: CompoundId,
    pub category: &'a str,
    pub status: Status,
    /// Already merged into another complaint.
    pub merged: bool,
}

/// Only two different open complaints of the same compound and category merge, and only
/// into one that is not itself merged.
pub fn check_merge(duplicate: MergeSide<'_>, into: MergeSide<'_>) -> Result<(), DomainError> {
    if into.id == duplicate.id
        || into.compound_id != duplicate.compound_id
        || into.category != duplicate.category
        || !into.status.is_open()
        || !duplicate.status.is_open()
        || into.merged
    {
        return Err(DomainError::field(
            "into",
            "只能合并同一小区、同一类别且未办结的诉求 / only open complaints of the same compound and category merge",
        ));
    }
    Ok(())
}

/// A category's deadlines (working hours) and handler rule; every broken one is named.
pub fn check_category_settings(
    sign_hours: i32,
    resolve_hours: i32,
    handler_rule: &str,
) -> Result<HandlerRule, DomainError> {
    let mut errors = crate::FieldErrors::new();
    if !(1..=720).contains(&sign_hours) {
        errors.insert(
            "sign_hours".into(),
            vec!["签收时限须在 1 到 720 工作小时之间 / 1 to 720 working hours".into()],
        );
    }
    if !(1..=4320).contains(&resolve_hours) {
        errors.insert(
            "resolve_hours".into(),
            vec!["办结时限须在 1 到 4320 工作小时之间 / 1 to 4320 working hours".into()],
        );
    }
    let rule = HandlerRule::parse(handler_rule);
    if rule.is_none() {
        errors.insert(
            "handler_rule".into(),
            vec!["未知的派单规则 / unknown handler rule".into()],
        );
    }
    match rule.filter(|_| errors.is_empty()) {
        Some(rule) => Ok(rule),
        None => Err(DomainError::Validation(errors)),
    }
}

/// The purpose of a photo (`report` by default) when the caller's standing allows it:
/// the complainant and dispatchers show what is wrong, the handler what was done.
pub fn attachment_purpose(
    given: Option<&str>,
    standing: Standing,
) -> Result<&'static str, DomainError> {
    match given.unwrap_or("report") {
        "report" if standing.complainant || standing.dispatcher => Ok("report"),
        "result" if standing.handler => Ok("result"),
        "report" | "result" => Err(DomainError::Forbidden),
        _ => Err(DomainError::field(
            "purpose",
            "须为 report 或 result / must be report or result",
        )),
    }
}

/// Photos are added to open complaints only.
pub fn may_attach(status: Status) -> Result<(), DomainError> {
    if status.is_open() {
        Ok(())
    } else {
        Err(DomainError::WrongState {
            code: "complaint_closed",
            detail: "诉求已关闭，不能再上传照片 / the complaint is closed".into(),
            allowed: vec![],
        })
    }
}

#[cfg(test)]
mod work_order_tests {
    use super::*;

    #[test]
    fn reasons_need_a_listed_code_and_an_explanation() {
        assert!(checked_reason(REJECT_REASONS, Some("nonsense"), Some("x")).is_err());
        assert!(checked_reason(REJECT_REASONS, Some("other"), Some("  ")).is_err());
        assert_eq!(
            checked_reason(REJECT_REASONS, Some("other"), Some(" 不归我们 ")),
            Ok("other: 不归我们".to_owned())
        );
    }

    #[test]
    fn extensions_are_bounded_and_only_while_work_goes_on() {
        assert!(may_extend(Status::Signed).is_ok());
        assert!(may_extend(Status::Resolved).is_err());
        assert!(checked_extension(0, "材料未到").is_err());
        assert!(checked_extension(721, "材料未到").is_err());
        assert!(checked_extension(8, "短").is_err());
        assert_eq!(checked_extension(8, " 材料未到货 "), Ok("材料未到货"));
    }

    #[test]
    fn category_settings_name_every_broken_field() {
        let Err(DomainError::Validation(errors)) = check_category_settings(0, 5000, "nobody")
        else {
            panic!("expected field errors");
        };
        assert_eq!(errors.len(), 3);
        assert_eq!(
            check_category_settings(24, 72, "community"),
            Ok(HandlerRule::Community)
        );
    }

    #[test]
    fn merges_need_two_open_complaints_of_one_compound_and_category() {
        let a = MergeSide {
            id: ComplaintId::new(uuid::Uuid::from_u128(1)),
            compound_id: CompoundId::new(uuid::Uuid::from_u128(9)),
            category: "noise",
            status: Status::Submitted,
            merged: false,
        };
        let b = MergeSide {
            id: ComplaintId::new(uuid::Uuid::from_u128(2)),
            ..a
        };
        assert!(check_merge(a, b).is_ok());
        assert!(check_merge(a, a).is_err());
        assert!(check_merge(a, MergeSide { merged: true, ..b }).is_err());
        assert!(
            check_merge(
                a,
                MergeSide {
                    category: "parking",
                    ..b
                }
            )
            .is_err()
        );
        assert!(
            check_merge(
                MergeSide {
                    status: Status::Closed,
                    ..a
                },
                b
            )
            .is_err()
        );
    }

    #[test]
    fn photo_purposes_follow_the_standing() {
        let handler = Standing {
            handler: true,
            ..Standing::default()
        };
        assert_eq!(attachment_purpose(Some("result"), handler), Ok("result"));
        assert_eq!(
            attachment_purpose(None, handler),
            Err(DomainError::Forbidden)
        );
        assert!(matches!(
            attachment_purpose(Some("selfie"), handler),
            Err(DomainError::Validation(_))
        ));
        assert!(may_attach(Status::Closed).is_err());
    }
}
