//! Special audit bodies: campaigns, engagements, findings, rectification, dashboard.

use chrono::{DateTime, NaiveDate, Utc};
use linli_app::special_audits::{
    AddRectification, CampaignFields, CompleteRectification, CreateEngagement, Dashboard,
    FindEngagements, FindFindings, FindingWithActions, RaiseFinding, SetEngagementFee,
    TransitionEngagement, UpdateCampaign, VerifyRectification,
};
use linli_domain::special_audit::{EngagementStatus, FindingKind, Opinion, Severity};
use linli_persistence::special_audits::{AreaFindings, Campaign, Engagement, Rectification};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// Where an engagement stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = EngagementStatus)]
pub enum EngagementStatusSchema {
    Planned,
    Fieldwork,
    DraftReport,
    FinalReport,
    Rectification,
    Closed,
}

/// The audit opinion: 无保留 / 保留 / 否定 / 无法表示意见.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = Opinion)]
pub enum OpinionSchema {
    Unqualified,
    Qualified,
    Adverse,
    Disclaimer,
}

/// What an audit found.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = FindingKind)]
pub enum FindingKindSchema {
    UnrecordedIncome,
    Misappropriation,
    MissingVoucher,
    UnauthorisedExpense,
    Other,
}

/// How serious a finding is.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = Severity)]
pub enum SeveritySchema {
    Low,
    Medium,
    High,
}

/// Where a rectification action stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = RectificationStatus)]
pub enum RectificationStatusSchema {
    Pending,
    Completed,
    Verified,
}

/// An audit campaign (专项审计) with its budget use.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignView {
    pub id: Uuid,
    pub name: String,
    pub year: i32,
    pub area_id: Uuid,
    pub budget_fen: i64,
    /// Sum of the engagements' fees.
    pub committed_fen: i64,
    pub remaining_fen: i64,
    pub engagement_count: i64,
    pub description: Option<String>,
    pub firms: Vec<FirmRef>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

/// An audit firm taking part.
#[derive(Debug, Serialize, ToSchema)]
pub struct FirmRef {
    pub id: Uuid,
    pub name: String,
}

impl From<Campaign> for CampaignView {
    fn from(c: Campaign) -> Self {
        CampaignView {
            remaining_fen: c.budget_fen - c.committed_fen,
            firms: c
                .firm_ids
                .into_iter()
                .zip(c.firm_names)
                .map(|(id, name)| FirmRef { id, name })
                .collect(),
            id: c.id,
            name: c.name,
            year: c.year,
            area_id: c.area_id,
            budget_fen: c.budget_fen,
            committed_fen: c.committed_fen,
            engagement_count: c.engagement_count,
            description: c.description,
            version: c.version,
            created_at: c.created_at,
        }
    }
}

/// Campaigns you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignList {
    pub items: Vec<CampaignView>,
}

/// A campaign's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CampaignInput {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: i32,
    /// The area the campaign covers (the district, or a subdistrict).
    pub area_id: Uuid,
    #[schema(minimum = 1)]
    pub budget_fen: i64,
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// Audit firms (organisations of kind `audit_firm`).
    #[schema(min_items = 1)]
    pub firm_ids: Vec<Uuid>,
}

impl CampaignInput {
    /// The campaign's fields for the use cases.
    pub fn into_fields(self) -> CampaignFields {
        CampaignFields {
            name: self.name,
            year: self.year,
            area_id: self.area_id.into(),
            budget_fen: self.budget_fen,
            description: self.description,
            firm_ids: self.firm_ids.into_iter().map(Into::into).collect(),
        }
    }

    /// The change of campaign `campaign_id` read at `expected_version`.
    pub fn into_update(self, campaign_id: Uuid, expected_version: i64) -> UpdateCampaign {
        UpdateCampaign {
            campaign_id: campaign_id.into(),
            fields: self.into_fields(),
            expected_version,
        }
    }
}

/// An engagement: one compound audited by one firm.
#[derive(Debug, Serialize, ToSchema)]
pub struct EngagementView {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub campaign_name: String,
    pub compound_id: Uuid,
    pub compound_name: String,
    pub firm_id: Uuid,
    pub firm_name: String,
    pub fee_fen: i64,
    pub scope: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    #[schema(value_type = EngagementStatusSchema)]
    pub status: EngagementStatus,
    #[schema(value_type = Option<OpinionSchema>)]
    pub opinion: Option<Opinion>,
    pub report_summary: Option<String>,
    pub finding_count: i64,
    pub open_finding_count: i64,
    /// The statuses it may move to now.
    #[schema(value_type = Vec<EngagementStatusSchema>)]
    pub next: Vec<EngagementStatus>,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl From<Engagement> for EngagementView {
    fn from(g: Engagement) -> Self {
        EngagementView {
            status: g.status(),
            opinion: g.opinion(),
            next: g.next(),
            id: g.id,
            campaign_id: g.campaign_id,
            campaign_name: g.campaign_name,
            compound_id: g.compound_id,
            compound_name: g.compound_name,
            firm_id: g.firm_id,
            firm_name: g.firm_name,
            fee_fen: g.fee_fen,
            scope: g.scope,
            period_from: g.period_from,
            period_to: g.period_to,
            report_summary: g.report_summary,
            finding_count: g.finding_count,
            open_finding_count: g.open_finding_count,
            version: g.version,
            updated_at: g.updated_at,
        }
    }
}

/// Engagements you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct EngagementList {
    pub items: Vec<EngagementView>,
}

/// Filters of the engagement list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EngagementQuery {
    pub campaign_id: Option<Uuid>,
    pub compound_id: Option<Uuid>,
    #[param(value_type = Option<EngagementStatusSchema>)]
    pub status: Option<EngagementStatus>,
}

impl EngagementQuery {
    /// The filters for the use case.
    pub fn to_find(&self) -> FindEngagements {
        FindEngagements {
            campaign_id: self.campaign_id.map(Into::into),
            compound_id: self.compound_id.map(Into::into),
            status: self.status,
        }
    }
}

/// An engagement to add to a campaign.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EngagementInput {
    pub compound_id: Uuid,
    /// One of the campaign's firms.
    pub firm_id: Uuid,
    #[schema(minimum = 0)]
    pub fee_fen: i64,
    #[schema(min_length = 1, max_length = 1000)]
    pub scope: String,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
}

impl EngagementInput {
    /// The command adding this engagement to campaign `campaign_id`.
    pub fn into_command(self, campaign_id: Uuid) -> CreateEngagement {
        CreateEngagement {
            campaign_id: campaign_id.into(),
            compound_id: self.compound_id.into(),
            firm_id: self.firm_id.into(),
            fee_fen: self.fee_fen,
            scope: self.scope,
            period_from: self.period_from,
            period_to: self.period_to,
        }
    }
}

/// A new fee (and scope) for an engagement; the campaign's budget caps the sum of fees.
#[derive(Debug, Deserialize, ToSchema)]
pub struct FeeInput {
    #[schema(minimum = 0)]
    pub fee_fen: i64,
    #[schema(min_length = 1, max_length = 1000)]
    pub scope: Option<String>,
}

impl FeeInput {
    /// The command for engagement `engagement_id` read at `expected_version`.
    pub fn into_command(self, engagement_id: Uuid, expected_version: i64) -> SetEngagementFee {
        SetEngagementFee {
            engagement_id: engagement_id.into(),
            fee_fen: self.fee_fen,
            scope: self.scope,
            expected_version,
        }
    }
}

/// Move an engagement along its life cycle.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EngagementTransition {
    #[schema(value_type = EngagementStatusSchema)]
    pub to: EngagementStatus,
    /// Required to issue the final report.
    #[schema(value_type = Option<OpinionSchema>)]
    pub opinion: Option<Opinion>,
    #[schema(max_length = 4000)]
    pub report_summary: Option<String>,
}

impl EngagementTransition {
    /// The command for engagement `engagement_id` read at `expected_version`.
    pub fn into_command(self, engagement_id: Uuid, expected_version: i64) -> TransitionEngagement {
        TransitionEngagement {
            engagement_id: engagement_id.into(),
            to: self.to,
            opinion: self.opinion,
            report_summary: self.report_summary,
            expected_version,
        }
    }
}

/// A finding with its rectification actions.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingView {
    pub id: Uuid,
    pub engagement_id: Uuid,
    pub compound_id: Uuid,
    pub compound_name: String,
    #[schema(value_type = FindingKindSchema)]
    pub kind: String,
    pub title: String,
    pub description: String,
    /// Money at stake.
    pub amount_fen: i64,
    #[schema(value_type = SeveritySchema)]
    pub severity: String,
    pub responsible_org_id: Option<Uuid>,
    pub responsible_org_name: Option<String>,
    pub evidence: Option<String>,
    /// `open` until every rectification action is verified.
    pub status: String,
    /// Who raised it: that person may never verify its rectification.
    pub raised_by: Uuid,
    pub raised_by_name: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub overdue_actions: i64,
    pub rectifications: Vec<RectificationView>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<FindingWithActions> for FindingView {
    fn from(
        FindingWithActions {
            finding: f,
            rectifications,
        }: FindingWithActions,
    ) -> Self {
        FindingView {
            id: f.id,
            engagement_id: f.engagement_id,
            compound_id: f.compound_id,
            compound_name: f.compound_name,
            kind: f.kind,
            title: f.title,
            description: f.description,
            amount_fen: f.amount_fen,
            severity: f.severity,
            responsible_org_id: f.responsible_org_id,
            responsible_org_name: f.responsible_org_name,
            evidence: f.evidence,
            status: f.status,
            raised_by: f.raised_by,
            raised_by_name: f.raised_by_name,
            closed_at: f.closed_at,
            overdue_actions: f.overdue_actions,
            rectifications: rectifications
                .into_iter()
                .map(RectificationView::from)
                .collect(),
            version: f.version,
            created_at: f.created_at,
        }
    }
}

/// Findings you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingList {
    pub items: Vec<FindingView>,
}

/// Filters of the findings list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindingQuery {
    pub engagement_id: Option<Uuid>,
    pub campaign_id: Option<Uuid>,
    /// `open` or `closed`.
    pub status: Option<String>,
    /// Only findings with an overdue rectification action.
    pub overdue: Option<bool>,
}

impl FindingQuery {
    /// The filters for the use case.
    pub fn to_find(&self) -> FindFindings {
        FindFindings {
            engagement_id: self.engagement_id.map(Into::into),
            campaign_id: self.campaign_id.map(Into::into),
            status: self.status.clone(),
            overdue: self.overdue.unwrap_or(false),
        }
    }
}

/// A finding to raise (during fieldwork or the draft report).
#[derive(Debug, Deserialize, ToSchema)]
pub struct FindingInput {
    #[schema(value_type = FindingKindSchema)]
    pub kind: FindingKind,
    #[schema(min_length = 1, max_length = 100)]
    pub title: String,
    #[schema(min_length = 1, max_length = 4000)]
    pub description: String,
    #[schema(minimum = 0)]
    pub amount_fen: i64,
    #[schema(value_type = SeveritySchema)]
    pub severity: Severity,
    /// The organisation answerable for it (e.g. the owners' committee, the property company).
    pub responsible_org_id: Option<Uuid>,
    #[schema(max_length = 4000)]
    pub evidence: Option<String>,
}

impl FindingInput {
    /// The command raising this finding on engagement `engagement_id`.
    pub fn into_command(self, engagement_id: Uuid) -> RaiseFinding {
        RaiseFinding {
            engagement_id: engagement_id.into(),
            kind: self.kind,
            title: self.title,
            description: self.description,
            amount_fen: self.amount_fen,
            severity: self.severity,
            responsible_org_id: self.responsible_org_id.map(Into::into),
            evidence: self.evidence,
        }
    }
}

/// A rectification action.
#[derive(Debug, Serialize, ToSchema)]
pub struct RectificationView {
    pub id: Uuid,
    pub finding_id: Uuid,
    pub action: String,
    pub owner_org_id: Option<Uuid>,
    pub owner_org_name: Option<String>,
    pub deadline: NaiveDate,
    #[schema(value_type = RectificationStatusSchema)]
    pub status: String,
    pub completion_evidence: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    pub completed_by_name: Option<String>,
    pub verified_at: Option<DateTime<Utc>>,
    pub verified_by_name: Option<String>,
    pub verification_note: Option<String>,
    /// Past its deadline and not verified (flagged by the deadline sweeper).
    pub overdue: bool,
    pub version: i64,
}

impl From<Rectification> for RectificationView {
    fn from(r: Rectification) -> Self {
        let status = r.status().as_str().to_owned();
        RectificationView {
            id: r.id,
            finding_id: r.finding_id,
            action: r.action,
            owner_org_id: r.owner_org_id,
            owner_org_name: r.owner_org_name,
            deadline: r.deadline,
            status,
            completion_evidence: r.completion_evidence,
            completed_at: r.completed_at,
            completed_by_name: r.completed_by_name,
            verified_at: r.verified_at,
            verified_by_name: r.verified_by_name,
            verification_note: r.verification_note,
            overdue: r.overdue,
            version: r.version,
        }
    }
}

/// A rectification action to agree on a finding.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RectificationInput {
    #[schema(min_length = 1, max_length = 1000)]
    pub action: String,
    pub owner_org_id: Option<Uuid>,
    pub deadline: NaiveDate,
}

impl RectificationInput {
    /// The command agreeing this action on finding `finding_id`.
    pub fn into_command(self, finding_id: Uuid) -> AddRectification {
        AddRectification {
            finding_id: finding_id.into(),
            action: self.action,
            owner_org_id: self.owner_org_id.map(Into::into),
            deadline: self.deadline,
        }
    }
}

/// Evidence that an action was carried out.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CompletionInput {
    #[schema(min_length = 1, max_length = 4000)]
    pub evidence: String,
}

impl CompletionInput {
    /// The command reporting action `rectification_id` done.
    pub fn into_command(self, rectification_id: Uuid) -> CompleteRectification {
        CompleteRectification {
            rectification_id: rectification_id.into(),
            evidence: self.evidence,
        }
    }
}

/// The verdict on a completed action (by someone other than the finding's author).
#[derive(Debug, Deserialize, ToSchema)]
pub struct VerificationInput {
    /// `true` verifies; `false` sends it back to pending.
    pub accepted: bool,
    #[schema(max_length = 1000)]
    pub note: Option<String>,
}

impl VerificationInput {
    /// The verdict on action `rectification_id`.
    pub fn into_command(self, rectification_id: Uuid) -> VerifyRectification {
        VerifyRectification {
            rectification_id: rectification_id.into(),
            accepted: self.accepted,
            note: self.note,
        }
    }
}

/// Findings and money at stake in one subdistrict.
#[derive(Debug, Serialize, ToSchema)]
pub struct AreaFindingsView {
    pub area_id: Uuid,
    pub area_name: String,
    pub findings: i64,
    pub open_findings: i64,
    pub amount_fen: i64,
}

impl From<AreaFindings> for AreaFindingsView {
    fn from(a: AreaFindings) -> Self {
        AreaFindingsView {
            area_id: a.area_id,
            area_name: a.area_name,
            findings: a.findings,
            open_findings: a.open_findings,
            amount_fen: a.amount_fen,
        }
    }
}

/// Engagements in one status.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusCount {
    #[schema(value_type = EngagementStatusSchema)]
    pub status: EngagementStatus,
    pub count: i64,
}

/// The special audit dashboard.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditDashboard {
    pub campaign_id: Option<Uuid>,
    pub budget_fen: i64,
    pub committed_fen: i64,
    /// Committed fees as a share of the budget, 0..1.
    pub budget_used: f64,
    pub engagements_by_status: Vec<StatusCount>,
    pub findings_by_subdistrict: Vec<AreaFindingsView>,
    /// Verified actions completed by their deadline, as a share of verified actions (null before any).
    pub rectification_on_time_rate: Option<f64>,
    pub rectifications_verified: i64,
    pub rectifications_overdue: i64,
}

impl From<Dashboard> for AuditDashboard {
    fn from(d: Dashboard) -> Self {
        AuditDashboard {
            campaign_id: d.campaign_id.map(Into::into),
            budget_fen: d.budget_fen,
            committed_fen: d.committed_fen,
            budget_used: d.budget_used,
            engagements_by_status: d
                .engagements_by_status
                .into_iter()
                .map(|(status, count)| StatusCount { status, count })
                .collect(),
            findings_by_subdistrict: d
                .findings_by_subdistrict
                .into_iter()
                .map(AreaFindingsView::from)
                .collect(),
            rectification_on_time_rate: d.rectification_on_time_rate,
            rectifications_verified: d.rectifications_verified,
            rectifications_overdue: d.rectifications_overdue,
        }
    }
}

/// Which campaign the dashboard shows.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// All visible campaigns when absent.
    pub campaign_id: Option<Uuid>,
}
