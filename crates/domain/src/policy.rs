//! Authorisation: role x area. One function, [`authorize`], decides every request.
//!
//! A grant names a role and an area node; the role says which actions are allowed, the
//! area says where. A grant on a subdistrict covers every community, compound and
//! building below it. The HTTP layer asks [`authorize`] for the caller's [`Scope`] of an
//! action and then confines every query to it, answering 404 for objects outside it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{DomainError, area::AreaPath};

crate::text_enum! {
    /// What a person does in the system. Codes are stable: they are stored and sent as JSON.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        /// 区级管理员: configures everything in the district.
        DistrictAdmin = "district_admin",
        /// 街道工作人员
        SubdistrictStaff = "subdistrict_staff",
        /// 社区工作人员
        CommunityStaff = "community_staff",
        /// 小区党组织书记
        CompoundSecretary = "compound_secretary",
        /// 业委会 / 监委会委员
        CommitteeMember = "committee_member",
        /// 物业服务企业员工
        PropertyStaff = "property_staff",
        /// 审计机构人员
        Auditor = "auditor",
        /// 财务人员
        FinanceOfficer = "finance_officer",
        /// 居民
        Resident = "resident",
        /// 志愿者 / 在职党员
        Volunteer = "volunteer",
    }
}

impl Role {
    /// Staff of the district's own administration (not companies, not residents).
    fn is_government_staff(self) -> bool {
        matches!(
            self,
            Role::DistrictAdmin | Role::SubdistrictStaff | Role::CommunityStaff
        )
    }
}

/// Everything a caller can ask to do. Codes are stable: the SPA hides menus by them.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = Permission))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Browse the area tree.
    #[serde(rename = "areas.read")]
    ReadAreas,
    /// Create and rename area nodes.
    #[serde(rename = "areas.manage")]
    ManageAreas,
    /// Read compounds.
    #[serde(rename = "compounds.read")]
    ReadCompounds,
    /// Register a compound.
    #[serde(rename = "compounds.create")]
    CreateCompound,
    /// Change a compound's register entry.
    #[serde(rename = "compounds.update")]
    UpdateCompound,
    /// Export compound lists as CSV.
    #[serde(rename = "compounds.export")]
    ExportCompounds,
    /// Read dashboard statistics.
    #[serde(rename = "stats.read")]
    ReadStats,
    /// Create users, change their grants, reset their access.
    #[serde(rename = "users.manage")]
    ManageUsers,
    /// See personal data (phone, ID numbers) unmasked, one record at a time, with a reason.
    #[serde(rename = "pii.read")]
    ReadPersonalData,
    /// Issue and revoke API keys for government systems.
    #[serde(rename = "api_keys.manage")]
    ManageApiKeys,
    /// Read and verify the audit log.
    #[serde(rename = "audit.read")]
    ReadAuditLog,
    /// Read operational metrics.
    #[serde(rename = "metrics.read")]
    ReadMetrics,
    /// Read the event feed.
    #[serde(rename = "events.read")]
    ReadEvents,
    /// Manage webhook subscriptions.
    #[serde(rename = "webhooks.manage")]
    ManageWebhooks,
    /// Read the governance registry: organisations, people, posts, contracts, meetings,
    /// centres and their indicators.
    #[serde(rename = "registry.read")]
    ReadRegistry,
    /// Change the governance registry.
    #[serde(rename = "registry.manage")]
    ManageRegistry,
    /// Record joint meetings and follow up their action items.
    #[serde(rename = "meetings.manage")]
    ManageMeetings,
    /// Read complaints about compounds in one's area.
    #[serde(rename = "complaints.read")]
    ReadComplaints,
    /// File a complaint (residents for their compound, staff on someone's behalf).
    #[serde(rename = "complaints.file")]
    FileComplaints,
    /// Accept, reject, assign, arbitrate and close complaints (受理、派单).
    #[serde(rename = "complaints.dispatch")]
    DispatchComplaints,
    /// Configure the complaint catalogue and its deadlines.
    #[serde(rename = "complaints.configure")]
    ConfigureComplaints,
    /// Read compounds' public revenue ledgers and reports (auditors: only the compounds of
    /// their own engagements, read-only).
    #[serde(rename = "ledger.read")]
    ReadLedger,
    /// Post journal entries, reverse them, import cash journals, add accounts, attach vouchers.
    #[serde(rename = "ledger.post")]
    PostLedger,
    /// Close a month of a compound's ledger.
    #[serde(rename = "ledger.close")]
    CloseLedgerPeriod,
    /// Read a compound's published public revenue disclosures (公示).
    #[serde(rename = "disclosures.read")]
    ReadDisclosures,
    /// Publish a disclosure (owners' committee or community).
    #[serde(rename = "disclosures.publish")]
    PublishDisclosures,
    /// Follow special audits of one's area: campaigns, engagements, findings.
    #[serde(rename = "audits.read")]
    ReadAudits,
    /// Run special audit campaigns: budgets, compounds, firms, engagements and fees.
    #[serde(rename = "audits.manage")]
    ManageAudits,
    /// Carry out one's firm's engagements: fieldwork, reports, findings.
    #[serde(rename = "audits.work")]
    WorkAudits,
    /// Report rectification of findings with evidence.
    #[serde(rename = "audits.rectify")]
    RectifyFindings,
    /// Read allowance programmes, assessments, payment cycles and payments.
    #[serde(rename = "allowances.read")]
    ReadAllowances,
    /// Set up allowance programmes (amount, eligible post, budget).
    #[serde(rename = "allowances.manage")]
    ManageAllowances,
    /// Record and import assessments (考评).
    #[serde(rename = "assessments.manage")]
    ManageAssessments,
    /// Prepare payment cycles: generate, hold lines, submit, disburse, reconcile; bank details.
    #[serde(rename = "payments.prepare")]
    PreparePayments,
    /// Approve a payment cycle someone else prepared (four eyes).
    #[serde(rename = "payments.approve")]
    ApprovePayments,
    /// Follow volunteer service: reports, activities, check-ins, hours, statistics.
    #[serde(rename = "volunteering.read")]
    ReadVolunteering,
    /// Run volunteer service: activities, teams, the centres' QR screens.
    #[serde(rename = "volunteering.manage")]
    ManageVolunteering,
    /// Confirm or decline party members reporting to a compound (报到).
    #[serde(rename = "reports.decide")]
    DecideReports,
    /// Verify service hours (team leaders verify their team's through membership).
    #[serde(rename = "hours.verify")]
    VerifyHours,
    /// Report to a compound, sign up, check in and out, see one's own hours.
    #[serde(rename = "volunteering.participate")]
    Participate,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 40] = [
        Action::ReadAreas,
        Action::ManageAreas,
        Action::ReadCompounds,
        Action::CreateCompound,
        Action::UpdateCompound,
        Action::ExportCompounds,
        Action::ReadStats,
        Action::ManageUsers,
        Action::ReadPersonalData,
        Action::ManageApiKeys,
        Action::ReadAuditLog,
        Action::ReadMetrics,
        Action::ReadEvents,
        Action::ManageWebhooks,
        Action::ReadRegistry,
        Action::ManageRegistry,
        Action::ManageMeetings,
        Action::ReadComplaints,
        Action::FileComplaints,
        Action::DispatchComplaints,
        Action::ConfigureComplaints,
        Action::ReadLedger,
        Action::PostLedger,
        Action::CloseLedgerPeriod,
        Action::ReadDisclosures,
        Action::PublishDisclosures,
        Action::ReadAudits,
        Action::ManageAudits,
        Action::WorkAudits,
        Action::RectifyFindings,
        Action::ReadAllowances,
        Action::ManageAllowances,
        Action::ManageAssessments,
        Action::PreparePayments,
        Action::ApprovePayments,
        Action::ReadVolunteering,
        Action::ManageVolunteering,
        Action::DecideReports,
        Action::VerifyHours,
        Action::Participate,
    ];

    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::ReadAreas => "areas.read",
            Action::ManageAreas => "areas.manage",
            Action::ReadCompounds => "compounds.read",
            Action::CreateCompound => "compounds.create",
            Action::UpdateCompound => "compounds.update",
            Action::ExportCompounds => "compounds.export",
            Action::ReadStats => "stats.read",
            Action::ManageUsers => "users.manage",
            Action::ReadPersonalData => "pii.read",
            Action::ManageApiKeys => "api_keys.manage",
            Action::ReadAuditLog => "audit.read",
            Action::ReadMetrics => "metrics.read",
            Action::ReadEvents => "events.read",
            Action::ManageWebhooks => "webhooks.manage",
            Action::ReadRegistry => "registry.read",
            Action::ManageRegistry => "registry.manage",
            Action::ManageMeetings => "meetings.manage",
            Action::ReadComplaints => "complaints.read",
            Action::FileComplaints => "complaints.file",
            Action::DispatchComplaints => "complaints.dispatch",
            Action::ConfigureComplaints => "complaints.configure",
            Action::ReadLedger => "ledger.read",
            Action::PostLedger => "ledger.post",
            Action::CloseLedgerPeriod => "ledger.close",
            Action::ReadDisclosures => "disclosures.read",
            Action::PublishDisclosures => "disclosures.publish",
            Action::ReadAudits => "audits.read",
            Action::ManageAudits => "audits.manage",
            Action::WorkAudits => "audits.work",
            Action::RectifyFindings => "audits.rectify",
            Action::ReadAllowances => "allowances.read",
            Action::ManageAllowances => "allowances.manage",
            Action::ManageAssessments => "assessments.manage",
            Action::PreparePayments => "payments.prepare",
            Action::ApprovePayments => "payments.approve",
            Action::ReadVolunteering => "volunteering.read",
            Action::ManageVolunteering => "volunteering.manage",
            Action::DecideReports => "reports.decide",
            Action::VerifyHours => "hours.verify",
            Action::Participate => "volunteering.participate",
        }
    }
}

impl Role {
    /// How much a role may do; a user manager may only grant roles below their own.
    fn rank(self) -> u8 {
        match self {
            Role::DistrictAdmin => 3,
            Role::SubdistrictStaff => 2,
            Role::CommunityStaff | Role::FinanceOfficer => 1,
            _ => 0,
        }
    }
}

/// Whether `principal` may give `role` over the node at `area`: they must manage users
/// there, and the role must rank below theirs (district admins may grant anything).
pub fn may_grant(principal: &Principal, role: Role, area: &AreaPath) -> bool {
    let Principal::User { grants, .. } = principal else {
        return false;
    };
    grants.iter().any(|g| {
        role_allows(g.role, Action::ManageUsers)
            && area.is_within(&g.area_path)
            && (g.role == Role::DistrictAdmin || role.rank() < g.role.rank())
    })
}

/// The role x action matrix. Areas are checked separately, by [`Scope`].
pub fn role_allows(role: Role, action: Action) -> bool {
    match action {
        // Everyone who works on compounds may see where they are; residents and
        // volunteers see their own compound through the compound endpoints only.
        Action::ReadAreas | Action::ExportCompounds => {
            !matches!(role, Role::Resident | Role::Volunteer)
        }
        Action::ManageAreas => matches!(role, Role::DistrictAdmin | Role::SubdistrictStaff),
        Action::ReadCompounds => true,
        Action::CreateCompound | Action::UpdateCompound | Action::ReadStats => {
            role.is_government_staff()
        }
        // Community staff register residents and compound officers (roles below their
        // own) but see their phone numbers masked like everyone without `pii.read`.
        Action::ManageUsers => role.is_government_staff(),
        Action::ReadPersonalData => matches!(role, Role::DistrictAdmin | Role::SubdistrictStaff),
        Action::ManageApiKeys
        | Action::ReadAuditLog
        | Action::ReadMetrics
        | Action::ManageWebhooks => role == Role::DistrictAdmin,
        Action::ReadEvents | Action::ManageRegistry => role.is_government_staff(),
        // Everyone who works on compounds sees who governs them.
        Action::ReadRegistry => !matches!(role, Role::Resident | Role::Volunteer),
        // The community convenes joint meetings; the compound's party secretary records them too.
        Action::ManageMeetings => role.is_government_staff() || role == Role::CompoundSecretary,
        // Property staff and committees see the complaints they handle through their
        // organisation; secretaries and owners' committees follow their compound's.
        Action::ReadComplaints => {
            role.is_government_staff()
                || matches!(role, Role::CompoundSecretary | Role::CommitteeMember)
        }
        Action::FileComplaints => role.is_government_staff() || role == Role::Resident,
        Action::DispatchComplaints => role.is_government_staff(),
        Action::ConfigureComplaints => role == Role::DistrictAdmin,
        // Public revenue belongs to the owners: their committee keeps the books, the
        // property company posts what it collects, the secretary and government follow.
        Action::ReadLedger => {
            role.is_government_staff()
                || matches!(
                    role,
                    Role::CompoundSecretary | Role::CommitteeMember | Role::PropertyStaff
                )
        }
        Action::PostLedger => {
            role.is_government_staff()
                || matches!(role, Role::CommitteeMember | Role::PropertyStaff)
        }
        Action::CloseLedgerPeriod | Action::PublishDisclosures => {
            role.is_government_staff() || role == Role::CommitteeMember
        }
        // Every resident may read their own compound's disclosures.
        Action::ReadDisclosures => true,
        Action::ReadAudits | Action::RectifyFindings => {
            role.is_government_staff()
                || matches!(
                    role,
                    Role::CompoundSecretary | Role::CommitteeMember | Role::PropertyStaff
                )
        }
        Action::ManageAudits => matches!(role, Role::DistrictAdmin | Role::SubdistrictStaff),
        // Auditors see only their firm's engagements; the HTTP layer narrows by firm.
        Action::WorkAudits => role == Role::Auditor,
        // Money to people: the district finance office, watched by the district admin.
        Action::ReadAllowances | Action::ManageAllowances => {
            matches!(role, Role::FinanceOfficer | Role::DistrictAdmin)
        }
        // The party organisations of the district, subdistricts and communities assess.
        Action::ManageAssessments => role.is_government_staff(),
        Action::PreparePayments | Action::ApprovePayments => role == Role::FinanceOfficer,
        // The compound's party secretary confirms who reports and whose hours count.
        Action::ReadVolunteering | Action::DecideReports | Action::VerifyHours => {
            role.is_government_staff() || role == Role::CompoundSecretary
        }
        Action::ManageVolunteering => role.is_government_staff(),
        Action::Participate => role == Role::Volunteer,
    }
}

crate::text_enum! {
    /// What a government system's API key may do. Codes are stable: they are stored.
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ApiScope {
        /// Read the area tree, compounds and their statistics.
        #[serde(rename = "registry:read")]
        RegistryRead = "registry:read",
        /// Read complaints.
        #[serde(rename = "complaints:read")]
        ComplaintsRead = "complaints:read",
        /// File and update complaints (e.g. the 12345 hotline import).
        #[serde(rename = "complaints:write")]
        ComplaintsWrite = "complaints:write",
        /// Use the Open311 GeoReport v2 interface.
        #[serde(rename = "open311")]
        Open311 = "open311",
        /// Read allowance payments.
        #[serde(rename = "payments:read")]
        PaymentsRead = "payments:read",
        /// Manage webhook subscriptions.
        #[serde(rename = "webhooks:manage")]
        WebhooksManage = "webhooks:manage",
    }
}

/// The scope x action matrix for API keys. Keys never manage users, keys or the audit
/// log, and never see personal data unmasked.
pub fn scope_allows(scope: ApiScope, action: Action) -> bool {
    match scope {
        ApiScope::RegistryRead => matches!(
            action,
            Action::ReadAreas
                | Action::ReadCompounds
                | Action::ExportCompounds
                | Action::ReadStats
                | Action::ReadEvents
                | Action::ReadRegistry
        ),
        ApiScope::WebhooksManage => matches!(action, Action::ManageWebhooks | Action::ReadEvents),
        ApiScope::ComplaintsRead => matches!(action, Action::ReadEvents | Action::ReadComplaints),
        ApiScope::ComplaintsWrite | ApiScope::Open311 => {
            matches!(action, Action::FileComplaints | Action::ReadComplaints)
        }
        ApiScope::PaymentsRead => matches!(action, Action::ReadEvents | Action::ReadAllowances),
    }
}

impl ApiScope {
    /// The event modules a key with this scope may learn about.
    fn event_modules(self) -> &'static [&'static str] {
        match self {
            ApiScope::RegistryRead => &[
                "area",
                "compound",
                "organisation",
                "person",
                "post",
                "contract",
                "meeting",
                "action_item",
                "centre",
            ],
            ApiScope::ComplaintsRead => &["complaint"],
            ApiScope::PaymentsRead => &["payment_cycle", "payment"],
            ApiScope::WebhooksManage | ApiScope::ComplaintsWrite | ApiScope::Open311 => &[],
        }
    }
}

/// Event-type prefixes (`compound.`) the caller may receive in the feed and webhooks, or
/// `None` for every type. Government staff see every module in their area; a key sees
/// only the modules its scopes read (a webhooks-only key manages subscriptions for the
/// modules its other scopes cover).
pub fn visible_event_prefixes(principal: &Principal) -> Option<Vec<String>> {
    match principal {
        Principal::User { .. } => None,
        Principal::ApiKey { scopes, .. } => Some(
            scopes
                .iter()
                .flat_map(|s| s.event_modules().iter().map(|m| format!("{m}.")))
                .collect(),
        ),
    }
}

/// One role held over one area subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub area_id: Uuid,
    pub area_path: AreaPath,
}

/// The authenticated caller as the policy sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// A person, with their grants.
    User { user_id: Uuid, grants: Vec<Grant> },
    /// A government system, with its key's scopes over one area subtree.
    ApiKey {
        key_id: Uuid,
        scopes: Vec<ApiScope>,
        area_path: AreaPath,
    },
}

impl Principal {
    /// The actions this caller may perform somewhere.
    pub fn permissions(&self) -> Vec<Action> {
        Action::ALL
            .into_iter()
            .filter(|a| authorize(self, *a).is_ok())
            .collect()
    }

    /// The id that owns idempotency keys and audit entries (`user:<id>` or `api_key:<id>`).
    pub fn key(&self) -> String {
        match self {
            Principal::User { user_id, .. } => format!("user:{user_id}"),
            Principal::ApiKey { key_id, .. } => format!("api_key:{key_id}"),
        }
    }
}

/// The area subtrees in which a caller may perform one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    roots: Vec<AreaPath>,
}

impl Scope {
    /// Builds a scope from subtree roots, dropping any root that lies inside another so
    /// queries stay short.
    pub fn new(mut roots: Vec<AreaPath>) -> Self {
        roots.sort_by_key(|r| r.as_str().len());
        let mut kept: Vec<AreaPath> = Vec::with_capacity(roots.len());
        for root in roots {
            if !kept.iter().any(|k| root.is_within(k)) {
                kept.push(root);
            }
        }
        Scope { roots: kept }
    }

    /// The subtree roots.
    pub fn roots(&self) -> &[AreaPath] {
        &self.roots
    }

    /// True when the node at `path` lies inside the scope.
    pub fn covers(&self, path: &AreaPath) -> bool {
        self.roots.iter().any(|r| path.is_within(r))
    }

    /// Whether this scope may change an object owned by `owners` (the areas whose staff
    /// answer for it: every compound of a contract, a person's home, a team's area).
    /// Seeing an object is not enough to change it: a write needs every owner covered.
    /// An object with no owning area (a person with no home compound) is changed by whoever
    /// may see it.
    pub fn may_change(&self, owners: &[AreaPath]) -> Result<(), DomainError> {
        if owners.iter().all(|o| self.covers(o)) {
            Ok(())
        } else {
            Err(DomainError::Forbidden)
        }
    }
}

/// Decides whether `principal` may perform `action` anywhere, and where.
///
/// Returns [`DomainError::Forbidden`] when no grant's role allows the action: the caller
/// learns that the action is not theirs, never whether some object exists.
pub fn authorize(principal: &Principal, action: Action) -> Result<Scope, DomainError> {
    let roots: Vec<AreaPath> = match principal {
        Principal::User { grants, .. } => grants
            .iter()
            .filter(|g| role_allows(g.role, action))
            .map(|g| g.area_path.clone())
            .collect(),
        Principal::ApiKey {
            scopes, area_path, ..
        } => {
            if scopes.iter().any(|s| scope_allows(*s, action)) {
                vec![area_path.clone()]
            } else {
                Vec::new()
            }
        }
    };
    if roots.is_empty() {
        Err(DomainError::Forbidden)
    } else {
        Ok(Scope::new(roots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(ids: &[u128]) -> AreaPath {
        let mut p = AreaPath::root(Uuid::from_u128(ids[0]));
        for id in &ids[1..] {
            p = p.child(Uuid::from_u128(*id));
        }
        p
    }

    fn principal(role: Role, area: &[u128]) -> Principal {
        Principal::User {
            user_id: Uuid::nil(),
            grants: vec![Grant {
                role,
                area_id: Uuid::from_u128(*area.last().unwrap_or(&0)),
                area_path: path(area),
            }],
        }
    }

    #[test]
    fn seeing_is_not_owning() {
        let scope = Scope::new(vec![path(&[1, 2])]);
        let mine = path(&[1, 2, 3]);
        let theirs = path(&[1, 4, 5]);
        assert!(scope.may_change(std::slice::from_ref(&mine)).is_ok());
        assert_eq!(
            scope.may_change(&[mine.clone(), theirs.clone()]),
            Err(DomainError::Forbidden)
        );
        assert_eq!(scope.may_change(&[theirs]), Err(DomainError::Forbidden));
        assert!(scope.may_change(&[]).is_ok());
        assert!(Scope::new(vec![path(&[1])]).may_change(&[mine]).is_ok());
    }

    /// The whole role x action matrix, written out so a change to it is a visible diff.
    #[test]
    fn role_action_matrix() {
        use Action::*;
        let expected: &[(Role, &[Action])] = &[
            (
                Role::DistrictAdmin,
                &[
                    ReadAreas,
                    ManageAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                    ManageUsers,
                    ReadPersonalData,
                    ManageApiKeys,
                    ReadAuditLog,
                    ReadMetrics,
                    ReadEvents,
                    ManageWebhooks,
                    ReadRegistry,
                    ManageRegistry,
                    ManageMeetings,
                    ReadComplaints,
                    FileComplaints,
                    DispatchComplaints,
                    ConfigureComplaints,
                    ReadLedger,
                    PostLedger,
                    CloseLedgerPeriod,
                    ReadDisclosures,
                    PublishDisclosures,
                    ReadAudits,
                    ManageAudits,
                    RectifyFindings,
                    ReadAllowances,
                    ManageAllowances,
                    ManageAssessments,
                    ReadVolunteering,
                    ManageVolunteering,
                    DecideReports,
                    VerifyHours,
                ],
            ),
            (
                Role::SubdistrictStaff,
                &[
                    ReadAreas,
                    ManageAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                    ManageUsers,
                    ReadPersonalData,
                    ReadEvents,
                    ReadRegistry,
                    ManageRegistry,
                    ManageMeetings,
                    ReadComplaints,
                    FileComplaints,
                    DispatchComplaints,
                    ReadLedger,
                    PostLedger,
                    CloseLedgerPeriod,
                    ReadDisclosures,
                    PublishDisclosures,
                    ReadAudits,
                    ManageAudits,
                    RectifyFindings,
                    ManageAssessments,
                    ReadVolunteering,
                    ManageVolunteering,
                    DecideReports,
                    VerifyHours,
                ],
            ),
            (
                Role::CommunityStaff,
                &[
                    ReadAreas,
                    ReadCompounds,
                    CreateCompound,
                    UpdateCompound,
                    ExportCompounds,
                    ReadStats,
                    ManageUsers,
                    ReadEvents,
                    ReadRegistry,
                    ManageRegistry,
                    ManageMeetings,
                    ReadComplaints,
                    FileComplaints,
                    DispatchComplaints,
                    ReadLedger,
                    PostLedger,
                    CloseLedgerPeriod,
                    ReadDisclosures,
                    PublishDisclosures,
                    ReadAudits,
                    RectifyFindings,
                    ManageAssessments,
                    ReadVolunteering,
                    ManageVolunteering,
                    DecideReports,
                    VerifyHours,
                ],
            ),
            (
                Role::CompoundSecretary,
                &[
                    ReadAreas,
                    ReadCompounds,
                    ExportCompounds,
                    ReadRegistry,
                    ManageMeetings,
                    ReadComplaints,
                    ReadLedger,
                    ReadDisclosures,
                    ReadAudits,
                    RectifyFindings,
                    ReadVolunteering,
                    DecideReports,
                    VerifyHours,
                ],
            ),
            (
                Role::CommitteeMember,
                &[
                    ReadAreas,
                    ReadCompounds,
                    ExportCompounds,
                    ReadRegistry,
                    ReadComplaints,
                    ReadLedger,
                    PostLedger,
                    CloseLedgerPeriod,
                    ReadDisclosures,
                    PublishDisclosures,
                    ReadAudits,
                    RectifyFindings,
                ],
            ),
            (
                Role::PropertyStaff,
                &[
                    ReadAreas,
                    ReadCompounds,
                    ExportCompounds,
                    ReadRegistry,
                    ReadLedger,
                    PostLedger,
                    ReadDisclosures,
                    ReadAudits,
                    RectifyFindings,
                ],
            ),
            (
                Role::Auditor,
                &[
                    ReadAreas,
                    ReadCompounds,
                    ExportCompounds,
                    ReadRegistry,
                    ReadDisclosures,
                    WorkAudits,
                ],
            ),
            (
                Role::FinanceOfficer,
                &[
                    ReadAreas,
                    ReadCompounds,
                    ExportCompounds,
                    ReadRegistry,
                    ReadDisclosures,
                    ReadAllowances,
                    ManageAllowances,
                    PreparePayments,
                    ApprovePayments,
                ],
            ),
            (
                Role::Resident,
                &[ReadCompounds, FileComplaints, ReadDisclosures],
            ),
            (
                Role::Volunteer,
                &[ReadCompounds, ReadDisclosures, Participate],
            ),
        ];
        for (role, allowed) in expected {
            for action in Action::ALL {
                assert_eq!(
                    role_allows(*role, action),
                    allowed.contains(&action),
                    "{role:?} x {action:?}"
                );
            }
        }
    }

    #[test]
    fn a_grant_covers_its_subtree_and_nothing_else() {
        let staff = principal(Role::SubdistrictStaff, &[1, 2]);
        let scope = authorize(&staff, Action::ReadCompounds).unwrap_or_else(|_| Scope::new(vec![]));
        assert!(scope.covers(&path(&[1, 2])));
        assert!(scope.covers(&path(&[1, 2, 3, 4])));
        assert!(!scope.covers(&path(&[1, 5, 6])));
        assert!(!scope.covers(&path(&[1])));
    }

    #[test]
    fn a_role_without_the_action_is_forbidden_everywhere() {
        let resident = principal(Role::Resident, &[1, 2, 3, 4]);
        assert_eq!(
            authorize(&resident, Action::CreateCompound),
            Err(DomainError::Forbidden)
        );
        assert!(authorize(&resident, Action::ReadCompounds).is_ok());
    }

    #[test]
    fn api_keys_act_by_scope_within_their_area() {
        let key = Principal::ApiKey {
            key_id: Uuid::nil(),
            scopes: vec![ApiScope::RegistryRead],
            area_path: path(&[1, 2]),
        };
        let scope = authorize(&key, Action::ReadCompounds).unwrap_or_else(|_| Scope::new(vec![]));
        assert!(scope.covers(&path(&[1, 2, 3])));
        assert!(!scope.covers(&path(&[1, 9])));
        for action in [
            Action::CreateCompound,
            Action::ManageUsers,
            Action::ReadPersonalData,
            Action::ManageApiKeys,
        ] {
            assert_eq!(
                authorize(&key, action),
                Err(DomainError::Forbidden),
                "{action:?}"
            );
        }
        for s in ApiScope::ALL {
            assert_eq!(ApiScope::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn only_grants_whose_role_allows_the_action_widen_the_scope() {
        let mut p = principal(Role::Resident, &[1, 2, 3, 4]);
        if let Principal::User { grants, .. } = &mut p {
            grants.push(Grant {
                role: Role::CommunityStaff,
                area_id: Uuid::from_u128(7),
                area_path: path(&[1, 2, 7]),
            });
        }
        let scope = authorize(&p, Action::UpdateCompound).unwrap_or_else(|_| Scope::new(vec![]));
        assert!(scope.covers(&path(&[1, 2, 7, 8])));
        assert!(!scope.covers(&path(&[1, 2, 3, 4])));
    }

    #[test]
    fn user_managers_grant_only_lesser_roles_in_their_area() {
        let staff = principal(Role::SubdistrictStaff, &[1, 2]);
        assert!(may_grant(&staff, Role::CommunityStaff, &path(&[1, 2, 3])));
        assert!(may_grant(&staff, Role::Resident, &path(&[1, 2, 3, 4])));
        assert!(!may_grant(&staff, Role::SubdistrictStaff, &path(&[1, 2])));
        assert!(!may_grant(&staff, Role::DistrictAdmin, &path(&[1, 2])));
        assert!(!may_grant(&staff, Role::Resident, &path(&[1, 9])));
        let admin = principal(Role::DistrictAdmin, &[1]);
        assert!(may_grant(&admin, Role::DistrictAdmin, &path(&[1])));
        let resident = principal(Role::Resident, &[1]);
        assert!(!may_grant(&resident, Role::Resident, &path(&[1])));
    }

    #[test]
    fn nested_roots_collapse() {
        let scope = Scope::new(vec![path(&[1, 2, 3]), path(&[1, 2]), path(&[1, 9])]);
        assert_eq!(scope.roots().len(), 2);
    }
}
