//! OpenAPI schemas of the domain's enums.
//!
//! The domain crate stays free of utoipa, so each enum it serialises has a schema twin
//! here; DTO fields keep the domain type and point at the twin with `value_type`. A test
//! checks that every domain variant serialises to a value the twin lists.

use serde::Serialize;
use utoipa::ToSchema;

/// Level of an area node.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = AreaKind)]
pub enum AreaKindSchema {
    District,
    Subdistrict,
    Community,
    Compound,
    Building,
}

/// How a compound is governed: 物管小区 / 托管小区 / 自管小区.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = GovernanceMode)]
pub enum GovernanceModeSchema {
    PropertyManaged,
    Entrusted,
    SelfManaged,
}

/// A role a grant confers.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = Role)]
pub enum RoleSchema {
    DistrictAdmin,
    SubdistrictStaff,
    CommunityStaff,
    CompoundSecretary,
    CommitteeMember,
    PropertyStaff,
    Auditor,
    FinanceOfficer,
    Resident,
    Volunteer,
}

/// An action a caller may be permitted (used by clients to show menus and buttons).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Permission)]
pub enum PermissionSchema {
    #[serde(rename = "areas.read")]
    AreasRead,
    #[serde(rename = "areas.manage")]
    AreasManage,
    #[serde(rename = "compounds.read")]
    CompoundsRead,
    #[serde(rename = "compounds.create")]
    CompoundsCreate,
    #[serde(rename = "compounds.update")]
    CompoundsUpdate,
    #[serde(rename = "compounds.export")]
    CompoundsExport,
    #[serde(rename = "stats.read")]
    StatsRead,
    #[serde(rename = "users.manage")]
    UsersManage,
    #[serde(rename = "pii.read")]
    PiiRead,
    #[serde(rename = "api_keys.manage")]
    ApiKeysManage,
    #[serde(rename = "audit.read")]
    AuditRead,
    #[serde(rename = "metrics.read")]
    MetricsRead,
    #[serde(rename = "events.read")]
    EventsRead,
    #[serde(rename = "webhooks.manage")]
    WebhooksManage,
    #[serde(rename = "registry.read")]
    RegistryRead,
    #[serde(rename = "registry.manage")]
    RegistryManage,
    #[serde(rename = "meetings.manage")]
    MeetingsManage,
    #[serde(rename = "complaints.read")]
    ComplaintsRead,
    #[serde(rename = "complaints.file")]
    ComplaintsFile,
    #[serde(rename = "complaints.dispatch")]
    ComplaintsDispatch,
    #[serde(rename = "complaints.configure")]
    ComplaintsConfigure,
    #[serde(rename = "ledger.read")]
    LedgerRead,
    #[serde(rename = "ledger.post")]
    LedgerPost,
    #[serde(rename = "ledger.close")]
    LedgerClose,
    #[serde(rename = "disclosures.read")]
    DisclosuresRead,
    #[serde(rename = "disclosures.publish")]
    DisclosuresPublish,
    #[serde(rename = "audits.read")]
    AuditsRead,
    #[serde(rename = "audits.manage")]
    AuditsManage,
    #[serde(rename = "audits.work")]
    AuditsWork,
    #[serde(rename = "audits.rectify")]
    AuditsRectify,
    #[serde(rename = "allowances.read")]
    AllowancesRead,
    #[serde(rename = "allowances.manage")]
    AllowancesManage,
    #[serde(rename = "assessments.manage")]
    AssessmentsManage,
    #[serde(rename = "payments.prepare")]
    PaymentsPrepare,
    #[serde(rename = "payments.approve")]
    PaymentsApprove,
    #[serde(rename = "volunteering.read")]
    VolunteeringRead,
    #[serde(rename = "volunteering.manage")]
    VolunteeringManage,
    #[serde(rename = "reports.decide")]
    ReportsDecide,
    #[serde(rename = "hours.verify")]
    HoursVerify,
    #[serde(rename = "volunteering.participate")]
    VolunteeringParticipate,
}

/// Every event type (see docs/EVENTS.md).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = EventType)]
pub enum EventTypeSchema {
    #[serde(rename = "action_item.updated")]
    ActionItemUpdated,
    #[serde(rename = "activity.cancelled")]
    ActivityCancelled,
    #[serde(rename = "activity.created")]
    ActivityCreated,
    #[serde(rename = "activity.signed_up")]
    ActivitySignedUp,
    #[serde(rename = "activity.signup_cancelled")]
    ActivitySignupCancelled,
    #[serde(rename = "allowance_programme.created")]
    AllowanceProgrammeCreated,
    #[serde(rename = "allowance_programme.updated")]
    AllowanceProgrammeUpdated,
    #[serde(rename = "area.created")]
    AreaCreated,
    #[serde(rename = "area.updated")]
    AreaUpdated,
    #[serde(rename = "assessment.created")]
    AssessmentCreated,
    #[serde(rename = "assessment.imported")]
    AssessmentImported,
    #[serde(rename = "assessment.updated")]
    AssessmentUpdated,
    #[serde(rename = "audit_campaign.created")]
    AuditCampaignCreated,
    #[serde(rename = "audit_campaign.updated")]
    AuditCampaignUpdated,
    #[serde(rename = "bank_account.updated")]
    BankAccountUpdated,
    #[serde(rename = "centre.created")]
    CentreCreated,
    #[serde(rename = "centre.updated")]
    CentreUpdated,
    #[serde(rename = "check_in.auto_closed")]
    CheckInAutoClosed,
    #[serde(rename = "check_in.checked_out")]
    CheckInCheckedOut,
    #[serde(rename = "check_in.recorded")]
    CheckInRecorded,
    #[serde(rename = "check_in.verified")]
    CheckInVerified,
    #[serde(rename = "complaint.attachment_added")]
    ComplaintAttachmentAdded,
    #[serde(rename = "complaint.created")]
    ComplaintCreated,
    #[serde(rename = "complaint.extension_requested")]
    ComplaintExtensionRequested,
    #[serde(rename = "complaint.overdue")]
    ComplaintOverdue,
    #[serde(rename = "complaint.status_changed")]
    ComplaintStatusChanged,
    #[serde(rename = "complaint_category.updated")]
    ComplaintCategoryUpdated,
    #[serde(rename = "compound.created")]
    CompoundCreated,
    #[serde(rename = "compound.updated")]
    CompoundUpdated,
    #[serde(rename = "contract.created")]
    ContractCreated,
    #[serde(rename = "contract.updated")]
    ContractUpdated,
    #[serde(rename = "disclosure.published")]
    DisclosurePublished,
    #[serde(rename = "engagement.created")]
    EngagementCreated,
    #[serde(rename = "engagement.status_changed")]
    EngagementStatusChanged,
    #[serde(rename = "engagement.updated")]
    EngagementUpdated,
    #[serde(rename = "finding.closed")]
    FindingClosed,
    #[serde(rename = "finding.opened")]
    FindingOpened,
    #[serde(rename = "finding.overdue")]
    FindingOverdue,
    #[serde(rename = "ledger_account.created")]
    LedgerAccountCreated,
    #[serde(rename = "ledger_entry.posted")]
    LedgerEntryPosted,
    #[serde(rename = "ledger_entry.reversed")]
    LedgerEntryReversed,
    #[serde(rename = "ledger_import.posted")]
    LedgerImportPosted,
    #[serde(rename = "ledger_period.closed")]
    LedgerPeriodClosed,
    #[serde(rename = "ledger_voucher.attached")]
    LedgerVoucherAttached,
    #[serde(rename = "meeting.amended")]
    MeetingAmended,
    #[serde(rename = "meeting.created")]
    MeetingCreated,
    #[serde(rename = "meeting.finalised")]
    MeetingFinalised,
    #[serde(rename = "meeting.updated")]
    MeetingUpdated,
    #[serde(rename = "organisation.created")]
    OrganisationCreated,
    #[serde(rename = "organisation.updated")]
    OrganisationUpdated,
    #[serde(rename = "payment.failed")]
    PaymentFailed,
    #[serde(rename = "payment.held")]
    PaymentHeld,
    #[serde(rename = "payment.released")]
    PaymentReleased,
    #[serde(rename = "payment_cycle.approved")]
    PaymentCycleApproved,
    #[serde(rename = "payment_cycle.bank_file_exported")]
    PaymentCycleBankFileExported,
    #[serde(rename = "payment_cycle.closed")]
    PaymentCycleClosed,
    #[serde(rename = "payment_cycle.created")]
    PaymentCycleCreated,
    #[serde(rename = "payment_cycle.disbursed")]
    PaymentCycleDisbursed,
    #[serde(rename = "payment_cycle.generated")]
    PaymentCycleGenerated,
    #[serde(rename = "payment_cycle.reconciled")]
    PaymentCycleReconciled,
    #[serde(rename = "payment_cycle.returned")]
    PaymentCycleReturned,
    #[serde(rename = "payment_cycle.submitted")]
    PaymentCycleSubmitted,
    #[serde(rename = "person.created")]
    PersonCreated,
    #[serde(rename = "person.updated")]
    PersonUpdated,
    #[serde(rename = "post.created")]
    PostCreated,
    #[serde(rename = "post.updated")]
    PostUpdated,
    #[serde(rename = "rectification.completed")]
    RectificationCompleted,
    #[serde(rename = "rectification.created")]
    RectificationCreated,
    #[serde(rename = "rectification.rejected")]
    RectificationRejected,
    #[serde(rename = "rectification.verified")]
    RectificationVerified,
    #[serde(rename = "report.requested")]
    ReportRequested,
    #[serde(rename = "report.status_changed")]
    ReportStatusChanged,
    #[serde(rename = "service_certificate.issued")]
    ServiceCertificateIssued,
    #[serde(rename = "team.member_removed")]
    TeamMemberRemoved,
    #[serde(rename = "team.member_set")]
    TeamMemberSet,
}

/// Kinds of organisation.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = OrgKind)]
pub enum OrgKindSchema {
    CompoundPartyBranch,
    CommunityPartyCommittee,
    OwnersCommittee,
    SupervisoryCommittee,
    PropertyCompany,
    PropertyCompanyPartyOrg,
    ResidentsCommittee,
    VolunteerTeam,
    AuditFirm,
    LawEnforcement,
    Partner,
}

/// Where a meeting record stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = MeetingStatus)]
pub enum MeetingStatusSchema {
    Draft,
    Finalised,
}

/// Where an action item stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ActionStatus)]
pub enum ActionStatusSchema {
    Open,
    Done,
    Cancelled,
}

/// Where a complaint stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ComplaintStatus)]
pub enum ComplaintStatusSchema {
    Submitted,
    Accepted,
    Rejected,
    Assigned,
    Signed,
    Returned,
    InProgress,
    Resolved,
    Closed,
}

/// Something done to a complaint.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ComplaintTransition)]
pub enum TransitionSchema {
    Accept,
    Reject,
    Assign,
    Sign,
    Return,
    Start,
    Resolve,
    Review,
    Close,
}

/// What an API key may do.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ApiScope)]
pub enum ApiScopeSchema {
    #[serde(rename = "registry:read")]
    RegistryRead,
    #[serde(rename = "complaints:read")]
    ComplaintsRead,
    #[serde(rename = "complaints:write")]
    ComplaintsWrite,
    #[serde(rename = "open311")]
    Open311,
    #[serde(rename = "payments:read")]
    PaymentsRead,
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

#[cfg(test)]
mod tests {
    use super::*;
    use linli_domain::{
        area::AreaKind,
        compound::GovernanceMode,
        policy::{Action, ApiScope, Role},
    };

    fn enum_values<T: ToSchema>() -> Vec<String> {
        let schema = serde_json::to_value(T::schema()).unwrap_or_default();
        schema["enum"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn json_str<T: serde::Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    #[test]
    fn schema_twins_list_exactly_the_domain_values() {
        let mut kinds: Vec<String> = AreaKind::ALL.into_iter().map(json_str).collect();
        let mut modes: Vec<String> = GovernanceMode::ALL.into_iter().map(json_str).collect();
        let mut roles: Vec<String> = Role::ALL.into_iter().map(json_str).collect();
        let mut actions: Vec<String> = Action::ALL.into_iter().map(json_str).collect();
        let mut scopes: Vec<String> = ApiScope::ALL.into_iter().map(json_str).collect();
        let mut event_types: Vec<String> = linli_domain::webhook::EVENT_TYPES
            .iter()
            .map(|t| (*t).to_owned())
            .collect();
        let mut kinds_org: Vec<String> = linli_domain::registry::OrgKind::ALL
            .into_iter()
            .map(json_str)
            .collect();
        let mut statuses: Vec<String> = linli_domain::complaint::Status::ALL
            .into_iter()
            .map(json_str)
            .collect();
        let mut transitions: Vec<String> = linli_domain::complaint::Transition::ALL
            .into_iter()
            .map(json_str)
            .collect();
        for (domain, mut schema) in [
            (&mut statuses, enum_values::<ComplaintStatusSchema>()),
            (&mut transitions, enum_values::<TransitionSchema>()),
            (&mut kinds_org, enum_values::<OrgKindSchema>()),
            (&mut event_types, enum_values::<EventTypeSchema>()),
            (&mut kinds, enum_values::<AreaKindSchema>()),
            (&mut modes, enum_values::<GovernanceModeSchema>()),
            (&mut roles, enum_values::<RoleSchema>()),
            (&mut actions, enum_values::<PermissionSchema>()),
            (&mut scopes, enum_values::<ApiScopeSchema>()),
        ] {
            domain.sort();
            schema.sort();
            assert_eq!(*domain, schema);
        }
    }
}
