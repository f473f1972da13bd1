//! Allowance payment bodies: programmes, assessments, bank accounts, cycles and payments.

use chrono::{DateTime, NaiveDate, Utc};
use linli_app::allowances::{
    BankFile, Budget, CreateCycle, FindAssessments, FindCycles, ProgrammeTerms, SetBankAccount,
};
use linli_domain::{
    allowance::{AssessmentResult, CycleAction, CycleStatus, mask_account, period_label},
    public_revenue::yuan,
};
use linli_persistence::allowances::{
    Assessment, AssessmentDraft, BankAccount, Cycle, Line, Programme, ReconcileOutcome,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// An assessment result: 优秀 / 合格 / 不合格.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = AssessmentResult)]
pub enum AssessmentResultSchema {
    Excellent,
    Qualified,
    Unqualified,
}

/// Where a payment cycle stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CycleStatus)]
pub enum CycleStatusSchema {
    Draft,
    Submitted,
    Approved,
    Disbursed,
    Reconciled,
    Closed,
}

/// What to do with a cycle.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = CycleAction)]
pub enum CycleActionSchema {
    Submit,
    Return,
    Approve,
    Close,
}

/// Why a candidate is, or is not, paid.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = PaymentReason)]
pub enum ReasonSchema {
    Eligible,
    Carried,
    NoPostInPeriod,
    AssessmentMissing,
    Unqualified,
    AlreadyPaid,
    BankDetailsMissing,
}

/// An allowance programme.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeView {
    pub id: Uuid,
    pub name: String,
    pub area_id: Uuid,
    pub area_name: String,
    /// Kind of the organisation of the eligible post (e.g. `compound_party_branch`).
    pub org_kind: String,
    /// Title of the eligible post (e.g. 书记).
    pub post_title: String,
    pub amount_fen_per_month: i64,
    #[schema(value_type = AssessmentResultSchema)]
    pub required_result: String,
    pub annual_budget_fen: i64,
    /// Part months are paid days held / days in the month, rounded down to the fen.
    pub pro_rata: bool,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<Programme> for ProgrammeView {
    fn from(p: Programme) -> Self {
        ProgrammeView {
            id: p.id,
            name: p.name,
            area_id: p.area_id,
            area_name: p.area_name,
            org_kind: p.org_kind,
            post_title: p.post_title,
            amount_fen_per_month: p.amount_fen_per_month,
            required_result: p.required_result,
            annual_budget_fen: p.annual_budget_fen,
            pro_rata: p.pro_rata,
            active: p.active,
            version: p.version,
            created_at: p.created_at,
        }
    }
}

/// Programmes you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgrammeList {
    pub items: Vec<ProgrammeView>,
}

/// A programme's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProgrammeInput {
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    pub area_id: Uuid,
    pub org_kind: linli_domain::registry::OrgKind,
    #[schema(min_length = 1, max_length = 40)]
    pub post_title: String,
    #[schema(minimum = 1, maximum = 10000000)]
    pub amount_fen_per_month: i64,
    /// `qualified` (合格 or better) or `excellent`.
    #[schema(value_type = AssessmentResultSchema)]
    pub required_result: AssessmentResult,
    #[schema(minimum = 1)]
    pub annual_budget_fen: i64,
    #[serde(default = "yes")]
    pub pro_rata: bool,
    #[serde(default = "yes")]
    pub active: bool,
}

impl ProgrammeInput {
    /// The terms the use cases take.
    pub fn into_command(self) -> ProgrammeTerms {
        ProgrammeTerms {
            name: self.name,
            area_id: self.area_id.into(),
            org_kind: self.org_kind,
            post_title: self.post_title,
            amount_fen_per_month: self.amount_fen_per_month,
            required_result: self.required_result,
            annual_budget_fen: self.annual_budget_fen,
            pro_rata: self.pro_rata,
            active: self.active,
        }
    }
}

fn yes() -> bool {
    true
}

/// A programme-year's money.
#[derive(Debug, Serialize, ToSchema)]
pub struct BudgetView {
    pub programme_id: Uuid,
    pub year: i32,
    pub budget_fen: i64,
    /// Included lines of approved and later cycles, except failed transfers.
    pub committed_fen: i64,
    /// Transfers the bank confirmed.
    pub paid_fen: i64,
    pub remaining_fen: i64,
}

impl From<Budget> for BudgetView {
    fn from(b: Budget) -> Self {
        BudgetView {
            programme_id: b.programme_id.into(),
            year: b.year,
            budget_fen: b.budget_fen,
            committed_fen: b.committed_fen,
            paid_fen: b.paid_fen,
            remaining_fen: b.budget_fen - b.committed_fen,
        }
    }
}

/// The year of the budget.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BudgetQuery {
    /// This year when absent.
    pub year: Option<i32>,
}

/// An assessment (考评).
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentView {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person_name: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    #[schema(value_type = AssessmentResultSchema)]
    pub result: String,
    pub assessor: String,
    pub notes: Option<String>,
    /// Payment cycles that used it; changing it flags them.
    pub used_by_cycles: i64,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl From<Assessment> for AssessmentView {
    fn from(a: Assessment) -> Self {
        AssessmentView {
            id: a.id,
            person_id: a.person_id,
            person_name: a.person_name,
            period_start: a.period_start,
            period_end: a.period_end,
            score: a.score,
            result: a.result,
            assessor: a.assessor,
            notes: a.notes,
            used_by_cycles: a.used_by_cycles,
            version: a.version,
            updated_at: a.updated_at,
        }
    }
}

/// Assessments you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentList {
    pub items: Vec<AssessmentView>,
}

/// Filters of the assessment list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentQuery {
    pub person_id: Option<Uuid>,
    /// Assessments covering this day.
    pub on: Option<NaiveDate>,
    #[param(value_type = Option<AssessmentResultSchema>)]
    pub result: Option<AssessmentResult>,
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

impl AssessmentQuery {
    /// The filters of the list.
    pub fn to_find(&self) -> FindAssessments {
        FindAssessments {
            person_id: self.person_id.map(Into::into),
            on: self.on,
            result: self.result,
        }
    }

    /// How many to list: 200 unless asked, 1 to 1000.
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(200).clamp(1, 1000)
    }
}

/// An assessment's fields.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AssessmentInput {
    pub person_id: Uuid,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    #[schema(minimum = 0, maximum = 100)]
    pub score: i32,
    #[schema(value_type = AssessmentResultSchema)]
    pub result: AssessmentResult,
    #[schema(min_length = 1, max_length = 100)]
    pub assessor: String,
    #[schema(max_length = 1000)]
    pub notes: Option<String>,
}

impl AssessmentInput {
    /// The assessment the use cases take.
    pub fn into_command(self) -> AssessmentDraft {
        AssessmentDraft {
            person_id: self.person_id,
            period_start: self.period_start,
            period_end: self.period_end,
            score: self.score,
            result: self.result,
            assessor: self.assessor,
            notes: self.notes,
        }
    }
}

/// What an assessment import stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentImportResult {
    pub imported: usize,
}

/// A person's bank account, masked (the full number appears only in the bank file).
#[derive(Debug, Serialize, ToSchema)]
pub struct BankAccountView {
    pub person_id: Uuid,
    pub bank_name: String,
    /// The last four digits.
    #[schema(example = "************3445")]
    pub account_no_masked: String,
    pub account_name: String,
    pub updated_at: DateTime<Utc>,
}

impl From<BankAccount> for BankAccountView {
    fn from(b: BankAccount) -> Self {
        BankAccountView {
            person_id: b.person_id,
            bank_name: b.bank_name,
            account_no_masked: mask_account(&b.account_no),
            account_name: b.account_name,
            updated_at: b.updated_at,
        }
    }
}

/// A bank account to set.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BankAccountInput {
    #[schema(min_length = 2, max_length = 60)]
    pub bank_name: String,
    /// 8 to 30 digits.
    #[schema(pattern = "^[0-9]{8,30}$")]
    pub account_no: String,
    #[schema(min_length = 1, max_length = 50)]
    pub account_name: String,
}

impl BankAccountInput {
    /// The account to set for `person_id`.
    pub fn into_command(self, person_id: Uuid) -> SetBankAccount {
        SetBankAccount {
            person_id: person_id.into(),
            bank_name: self.bank_name,
            account_no: self.account_no,
            account_name: self.account_name,
        }
    }
}

/// A payment cycle (发放批次) with totals.
#[derive(Debug, Serialize, ToSchema)]
pub struct CycleView {
    pub id: Uuid,
    pub programme_id: Uuid,
    pub programme_name: String,
    /// `YYYY-MM`.
    pub month: String,
    #[schema(value_type = CycleStatusSchema)]
    pub status: CycleStatus,
    /// The preparer's user id (the approver must be someone else).
    pub prepared_by: Uuid,
    pub prepared_by_name: String,
    pub approved_by_name: Option<String>,
    pub generated_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    pub disbursed_at: Option<DateTime<Utc>>,
    pub reconciled_at: Option<DateTime<Utc>>,
    /// An assessment this cycle used was changed after it was generated.
    pub assessments_changed: bool,
    pub candidates: i64,
    pub included: i64,
    pub held: i64,
    pub total_fen: i64,
    pub paid_fen: i64,
    pub failed: i64,
    /// Transfers the bank has not reported on yet.
    pub awaiting_outcome: i64,
    /// Transitions the status allows now (disburse and reconcile have their own routes).
    #[schema(value_type = Vec<CycleActionSchema>)]
    pub allowed_actions: Vec<CycleAction>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

impl From<Cycle> for CycleView {
    fn from(c: Cycle) -> Self {
        CycleView {
            status: c.status(),
            allowed_actions: linli_domain::allowance::allowed(c.status()),
            id: c.id,
            programme_id: c.programme_id,
            programme_name: c.programme_name,
            month: c.month.format("%Y-%m").to_string(),
            prepared_by: c.prepared_by,
            prepared_by_name: c.prepared_by_name,
            approved_by_name: c.approved_by_name,
            generated_at: c.generated_at,
            submitted_at: c.submitted_at,
            approved_at: c.approved_at,
            disbursed_at: c.disbursed_at,
            reconciled_at: c.reconciled_at,
            assessments_changed: c.assessments_changed,
            candidates: c.candidates,
            included: c.included,
            held: c.held,
            total_fen: c.total_fen,
            paid_fen: c.paid_fen,
            failed: c.failed,
            awaiting_outcome: c.awaiting_outcome,
            version: c.version,
            created_at: c.created_at,
        }
    }
}

/// Cycles you can see.
#[derive(Debug, Serialize, ToSchema)]
pub struct CycleList {
    pub items: Vec<CycleView>,
}

/// Filters of the cycle list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CycleQuery {
    pub programme_id: Option<Uuid>,
    #[param(value_type = Option<CycleStatusSchema>)]
    pub status: Option<CycleStatus>,
}

impl CycleQuery {
    /// The filters of the list.
    pub fn to_find(&self) -> FindCycles {
        FindCycles {
            programme_id: self.programme_id.map(Into::into),
            status: self.status,
        }
    }
}

/// A cycle to open.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CycleInput {
    pub programme_id: Uuid,
    /// `YYYY-MM`.
    #[schema(example = "2026-10")]
    pub month: String,
}

impl CycleInput {
    /// The cycle to open.
    pub fn into_command(self) -> CreateCycle {
        CreateCycle {
            programme_id: self.programme_id.into(),
            month: self.month,
        }
    }
}

/// A cycle transition.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CycleTransition {
    #[schema(value_type = CycleActionSchema)]
    pub action: CycleAction,
}

/// One line of a cycle: a candidate, the decision and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentView {
    pub id: Uuid,
    pub cycle_id: Uuid,
    pub line_no: i32,
    pub person_id: Uuid,
    pub person_name: String,
    pub programme_name: Option<String>,
    /// `YYYY-MM`: the month paid for (earlier than the cycle's for a carried line).
    pub period_month: String,
    /// `included`, `excluded` or `held`.
    pub decision: String,
    #[schema(value_type = ReasonSchema)]
    pub reason: String,
    /// Why, in Chinese and English.
    pub explanation: String,
    pub amount_fen: i64,
    pub organisation_name: Option<String>,
    pub compound_name: Option<String>,
    pub carried_from: Option<Uuid>,
    pub hold_reason: Option<String>,
    /// Last four digits of the account paid into.
    pub account_no_masked: Option<String>,
    /// The bank transfer, once disbursed: `sent`, `paid` or `failed`.
    pub outcome: Option<String>,
    /// The transfer's reference in the bank file and return file.
    pub transfer_reference: Option<Uuid>,
    pub failure_reason: Option<String>,
}

impl From<Line> for PaymentView {
    fn from(l: Line) -> Self {
        PaymentView {
            id: l.id,
            cycle_id: l.cycle_id,
            line_no: l.line_no,
            person_id: l.person_id,
            person_name: l.person_name,
            programme_name: l.programme_name,
            period_month: l.period_month.format("%Y-%m").to_string(),
            decision: l.decision,
            reason: l.reason,
            explanation: l.explanation,
            amount_fen: l.amount_fen,
            organisation_name: l.organisation_name,
            compound_name: l.compound_name,
            carried_from: l.carried_from,
            hold_reason: l.hold_reason,
            account_no_masked: l.account_no.as_deref().map(mask_account),
            outcome: l.outcome,
            transfer_reference: l.disbursement_id,
            failure_reason: l.failure_reason,
        }
    }
}

/// Lines of a cycle (or a person's history).
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentList {
    pub items: Vec<PaymentView>,
}

/// Filters of a cycle's lines.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaymentQuery {
    /// `included`, `excluded` or `held`.
    pub decision: Option<String>,
    #[param(value_type = Option<ReasonSchema>)]
    pub reason: Option<String>,
}

/// Why a line is held.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HoldInput {
    #[schema(min_length = 2, max_length = 200)]
    pub reason: String,
}

/// What a bank return file did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReconciliationResult {
    pub paid: usize,
    pub failed: usize,
    /// Rows whose outcome was recorded already.
    pub unchanged: usize,
    /// The same file was imported before; nothing changed.
    pub replayed: bool,
    /// Every transfer of the cycle now has an outcome.
    pub reconciled: bool,
}

impl From<ReconcileOutcome> for ReconciliationResult {
    fn from(r: ReconcileOutcome) -> Self {
        ReconciliationResult {
            paid: r.paid,
            failed: r.failed,
            unchanged: r.unchanged,
            replayed: r.replayed,
            reconciled: r.reconciled,
        }
    }
}

/// The columns of the bank transfer file.
pub const BANK_FILE_COLUMNS: [&str; 7] = [
    "参考号",
    "户名",
    "账号",
    "开户行",
    "金额(元)",
    "用途",
    "所属月份",
];

/// The bank transfer file's name and rows: one per transfer, the account number in full.
pub fn bank_file_rows(file: BankFile) -> (String, Vec<Vec<String>>) {
    let purpose = format!("{} {}", period_label(file.cycle.month), file.programme.name);
    let rows = file
        .transfers
        .into_iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                t.account_name,
                t.account_no,
                t.bank_name,
                yuan(t.amount_fen),
                purpose.clone(),
                period_label(t.period_month),
            ]
        })
        .collect();
    (
        format!("bank-transfers-{}.csv", period_label(file.cycle.month)),
        rows,
    )
}
