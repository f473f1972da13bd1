//! Allowance payments (岗位津贴): who is owed what for a month, and why.
//!
//! A payment cycle for one programme and one month explains every candidate: included with
//! an amount, or excluded with the reason (no post in the month, assessment missing or
//! unqualified, already paid, bank details missing). Cycles run
//! `draft -> submitted -> approved -> disbursed -> reconciled -> closed`; the approver is never
//! the preparer. Amounts are integer fen.
//!
//! Pro-rata rule: a post held for only part of the month earns
//! `amount × days held in the month ÷ days in the month`, rounded down to the fen; a post
//! held the whole month earns the full amount.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{DomainError, FieldErrors, public_revenue::RowError};

crate::text_enum! {
    /// The outcome of an assessment (考评). `ALL` lists them worst first.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum AssessmentResult {
        /// 不合格
        Unqualified = "unqualified",
        /// 合格
        Qualified = "qualified",
        /// 优秀
        Excellent = "excellent",
    }
}

impl AssessmentResult {
    /// Parses the code, or the Chinese word used on assessment forms (lenient: trims).
    pub fn parse_form(text: &str) -> Option<Self> {
        match text.trim() {
            "unqualified" | "不合格" => Some(AssessmentResult::Unqualified),
            "qualified" | "合格" | "称职" => Some(AssessmentResult::Qualified),
            "excellent" | "优秀" => Some(AssessmentResult::Excellent),
            _ => None,
        }
    }

    /// The Chinese word.
    pub fn label_zh(self) -> &'static str {
        match self {
            AssessmentResult::Unqualified => "不合格",
            AssessmentResult::Qualified => "合格",
            AssessmentResult::Excellent => "优秀",
        }
    }
}

crate::text_enum! {
    /// Why a candidate is or is not paid this cycle.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Reason {
        /// Held the post, passed the assessment, bank details on file.
        Eligible = "eligible",
        /// A failed transfer of an earlier month, paid again in this cycle.
        Carried = "carried",
        /// Did not hold the post on any day of the month.
        NoPostInPeriod = "no_post_in_period",
        /// No assessment covers the month.
        AssessmentMissing = "assessment_missing",
        /// The assessment result is below the programme's requirement.
        Unqualified = "unqualified",
        /// Already paid (or being paid) for this programme and month.
        AlreadyPaid = "already_paid",
        /// No bank account on file.
        BankDetailsMissing = "bank_details_missing",
    }
}

impl Reason {
    /// Whether the reason pays.
    pub fn pays(self) -> bool {
        matches!(self, Reason::Eligible | Reason::Carried)
    }
}

/// A post held by the candidate that overlaps the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPost {
    pub post_id: Uuid,
    pub organisation_name: String,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

/// The assessment covering the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessed {
    pub assessment_id: Uuid,
    pub version: i64,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    pub result: AssessmentResult,
}

/// Everything the eligibility rule looks at for one candidate and month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub person_id: Uuid,
    pub posts: Vec<HeldPost>,
    pub assessment: Option<Assessed>,
    pub already_paid: bool,
    pub has_bank_account: bool,
}

/// The programme terms the rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    pub amount_fen_per_month: i64,
    pub required: AssessmentResult,
    pub pro_rata: bool,
}

/// The decision on one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub reason: Reason,
    pub amount_fen: i64,
    pub explanation: String,
    pub post_id: Option<Uuid>,
    pub organisation_name: Option<String>,
    pub assessment: Option<(Uuid, i64)>,
}

/// The last day of the month starting at `month`.
pub fn month_end(month: NaiveDate) -> NaiveDate {
    crate::public_revenue::next_month(month)
        .pred_opt()
        .unwrap_or(month)
}

/// Days of `[start, end]` (end open: still held) inside the month.
fn days_held(month: NaiveDate, start: NaiveDate, end: Option<NaiveDate>) -> i64 {
    let last = month_end(month);
    let from = start.max(month);
    let to = end.unwrap_or(last).min(last);
    if to < from {
        0
    } else {
        (to - from).num_days() + 1
    }
}

/// The amount for holding the post `held` days of a month of `days` days.
pub fn pro_rata(amount_fen: i64, held: i64, days: i64, enabled: bool) -> i64 {
    if held >= days || !enabled {
        if held > 0 { amount_fen } else { 0 }
    } else {
        amount_fen * held.max(0) / days.max(1)
    }
}

fn yuan(fen: i64) -> String {
    crate::public_revenue::yuan(fen)
}

/// Decides whether a candidate is paid for `month`, and explains it in Chinese and English.
pub fn decide(month: NaiveDate, terms: Terms, c: &Candidate) -> Decision {
    let days = (month_end(month) - month).num_days() + 1;
    let best = c
        .posts
        .iter()
        .map(|p| (days_held(month, p.start_date, p.end_date), p))
        .max_by_key(|(d, _)| *d);
    let label = month.format("%Y年%m月").to_string();
    let mut d = Decision {
        reason: Reason::Eligible,
        amount_fen: 0,
        explanation: String::new(),
        post_id: None,
        organisation_name: None,
        assessment: c.assessment.as_ref().map(|a| (a.assessment_id, a.version)),
    };
    let Some((held, post)) = best.filter(|(d, _)| *d > 0) else {
        d.reason = Reason::NoPostInPeriod;
        d.explanation = format!(
            "{label}未担任该岗位 / did not hold the post in {}",
            month.format("%Y-%m")
        );
        return d;
    };
    d.post_id = Some(post.post_id);
    d.organisation_name = Some(post.organisation_name.clone());
    let held_text = if held >= days {
        format!("{label}全月在岗（{}）", post.organisation_name)
    } else {
        format!("{label}在岗 {held}/{days} 天（{}）", post.organisation_name)
    };
    let Some(a) = &c.assessment else {
        d.reason = Reason::AssessmentMissing;
        d.explanation =
            format!("{held_text}，但没有覆盖本月的考评结果 / no assessment covers the month");
        return d;
    };
    let assessed = format!(
        "考评 {}（{} 分，{} 至 {}）",
        a.result.label_zh(),
        a.score,
        a.period_start,
        a.period_end
    );
    if a.result < terms.required {
        d.reason = Reason::Unqualified;
        d.explanation = format!(
            "{held_text}，{assessed}，未达到“{}”要求 / assessed {}, below the required {}",
            terms.required.label_zh(),
            a.result.as_str(),
            terms.required.as_str()
        );
        return d;
    }
    if c.already_paid {
        d.reason = Reason::AlreadyPaid;
        d.explanation = format!(
            "{held_text}，{assessed}；本月津贴已发放或正在发放 / already paid for this month"
        );
        return d;
    }
    if !c.has_bank_account {
        d.reason = Reason::BankDetailsMissing;
        d.explanation =
            format!("{held_text}，{assessed}；缺少银行账户信息 / no bank account on file");
        return d;
    }
    d.amount_fen = pro_rata(terms.amount_fen_per_month, held, days, terms.pro_rata);
    d.explanation = format!(
        "{held_text}，{assessed}；应发 {} 元 / eligible: {} yuan",
        yuan(d.amount_fen),
        yuan(d.amount_fen)
    );
    d
}

crate::text_enum! {
    /// Where a payment cycle stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CycleStatus {
        /// 草稿: generated, lines can be held, regenerated.
        Draft = "draft",
        /// 已提交: waiting for a second finance officer.
        Submitted = "submitted",
        /// 已审批: may be disbursed.
        Approved = "approved",
        /// 已发放: transfers instructed, waiting for the bank's return file.
        Disbursed = "disbursed",
        /// 已对账: every transfer has an outcome.
        Reconciled = "reconciled",
        /// 已关闭
        Closed = "closed",
    }
}

crate::text_enum! {
    /// What a finance officer asks of a cycle.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CycleAction {
        /// draft -> submitted (the preparer)
        Submit = "submit",
        /// submitted -> draft (the approver sends it back)
        Return = "return",
        /// submitted -> approved (someone other than the preparer)
        Approve = "approve",
        /// reconciled -> closed
        Close = "close",
    }
}

/// The actions a status allows (disbursing and reconciling have their own endpoints).
pub fn allowed(status: CycleStatus) -> Vec<CycleAction> {
    match status {
        CycleStatus::Draft => vec![CycleAction::Submit],
        CycleStatus::Submitted => vec![CycleAction::Approve, CycleAction::Return],
        CycleStatus::Reconciled => vec![CycleAction::Close],
        CycleStatus::Approved | CycleStatus::Disbursed | CycleStatus::Closed => vec![],
    }
}

/// Checks an action: allowed from the status, and the four-eyes rule for approval.
pub fn check_action(
    status: CycleStatus,
    action: CycleAction,
    preparer: Uuid,
    actor: Uuid,
) -> Result<CycleStatus, DomainError> {
    let permitted = allowed(status);
    if !permitted.contains(&action) {
        return Err(DomainError::WrongState {
            code: "transition_not_allowed",
            detail: format!(
                "发放批次处于“{}”状态，不能执行该操作 / a {} cycle does not allow {}",
                status.as_str(),
                status.as_str(),
                action.as_str()
            ),
            allowed: permitted.iter().map(|a| a.as_str().to_owned()).collect(),
        });
    }
    if action == CycleAction::Approve && preparer == actor {
        return Err(DomainError::WrongState {
            code: "four_eyes",
            detail: "审批人不能是编制人，须由另一位财务人员审批 / the approver must be a different finance officer from the preparer".into(),
            allowed: vec![],
        });
    }
    Ok(match action {
        CycleAction::Submit => CycleStatus::Submitted,
        CycleAction::Return => CycleStatus::Draft,
        CycleAction::Approve => CycleStatus::Approved,
        CycleAction::Close => CycleStatus::Closed,
    })
}

/// Refuses an approval that would take the programme-year past its budget.
pub fn check_budget(
    budget_fen: i64,
    committed_fen: i64,
    cycle_fen: i64,
) -> Result<(), DomainError> {
    if committed_fen + cycle_fen > budget_fen {
        return Err(DomainError::WrongState {
            code: "budget_exceeded",
            detail: format!(
                "超出年度预算：预算 {} 元，已占用 {} 元，本批次 {} 元 / over the annual budget: {} budget, {} committed, {} in this cycle",
                yuan(budget_fen),
                yuan(committed_fen),
                yuan(cycle_fen),
                yuan(budget_fen),
                yuan(committed_fen),
                yuan(cycle_fen)
            ),
            allowed: vec![],
        });
    }
    Ok(())
}

/// One row of a bank's return file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankOutcome {
    pub row: usize,
    /// Our reference: the disbursement id sent in the transfer file.
    pub reference: Uuid,
    pub paid: bool,
    pub bank_reference: Option<String>,
    pub failure_reason: Option<String>,
}

/// Columns of the return file (Chinese or English headers).
pub const RETURN_COLUMNS: [(&str, &str); 4] = [
    ("参考号", "reference"),
    ("结果", "result"),
    ("银行流水号", "bank_reference"),
    ("失败原因", "failure_reason"),
];

/// Parses a bank return file: `参考号,结果,银行流水号,失败原因` where 结果 is 成功/paid or
/// 失败/failed (a failure needs a reason). All rows are checked; any problem refuses the file.
pub fn parse_bank_return(data: &[u8]) -> Result<Vec<BankOutcome>, Vec<RowError>> {
    let crate::csv_import::Table {
        mut reader,
        position,
    } = crate::csv_import::open(data, &RETURN_COLUMNS, &[2, 3])?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let Ok(record) = record else {
            errors.push(RowError {
                row,
                column: String::new(),
                message: "此行无法读取 / this row cannot be read".into(),
            });
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |i: usize| position[i].and_then(|p| record.get(p)).unwrap_or_default();
        let reference = Uuid::parse_str(cell(0)).ok();
        if reference.is_none() {
            errors.push(RowError {
                row,
                column: "参考号".into(),
                message: format!("参考号“{}”无效 / invalid reference", cell(0)),
            });
        }
        let paid = match cell(1) {
            "成功" | "paid" | "success" => Some(true),
            "失败" | "failed" | "failure" => Some(false),
            other => {
                errors.push(RowError {
                    row,
                    column: "结果".into(),
                    message: format!(
                        "结果“{other}”须为 成功 或 失败 / result must be paid or failed"
                    ),
                });
                None
            }
        };
        let failure = Some(cell(3)).filter(|s| !s.is_empty()).map(str::to_owned);
        if paid == Some(false) && failure.is_none() {
            errors.push(RowError {
                row,
                column: "失败原因".into(),
                message: "失败的转账须写明原因 / a failed transfer needs a reason".into(),
            });
        }
        if let (Some(reference), Some(paid)) = (reference, paid) {
            out.push(BankOutcome {
                row,
                reference,
                paid,
                bank_reference: Some(cell(2)).filter(|s| !s.is_empty()).map(str::to_owned),
                failure_reason: if paid { None } else { failure },
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(out)
}

/// Masks a bank account number for display: the last four digits only.
pub fn mask_account(account_no: &str) -> String {
    let n = account_no.chars().count();
    let tail: String = account_no.chars().skip(n.saturating_sub(4)).collect();
    format!("{}{tail}", "*".repeat(n.saturating_sub(4).min(12)))
}

/// The month a date falls in, as the label the bank file shows (`2026-10`).
pub fn period_label(month: NaiveDate) -> String {
    format!("{}-{:02}", month.year(), month.month())
}

/// One row of an assessment file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRow {
    pub row: usize,
    /// The person's id, when the file gives it.
    pub person_id: Option<Uuid>,
    /// The person's name, to find them when no id is given.
    pub name: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    pub result: AssessmentResult,
    pub assessor: String,
    pub notes: Option<String>,
}

/// Columns of an assessment file (Chinese or English headers); 人员ID and 备注 are optional.
pub const ASSESSMENT_COLUMNS: [(&str, &str); 8] = [
    ("人员ID", "person_id"),
    ("姓名", "name"),
    ("考评开始", "period_start"),
    ("考评结束", "period_end"),
    ("得分", "score"),
    ("结果", "result"),
    ("考评人", "assessor"),
    ("备注", "notes"),
];

/// Parses an assessment file: `人员ID,姓名,考评开始,考评结束,得分,结果,考评人,备注`. 结果 is
/// 优秀 / 合格 / 不合格 (or the English codes). Every problem is reported by row and column.
pub fn parse_assessments(data: &[u8]) -> Result<Vec<AssessmentRow>, Vec<RowError>> {
    let crate::csv_import::Table {
        mut reader,
        position,
    } = crate::csv_import::open(data, &ASSESSMENT_COLUMNS, &[0, 7])?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let Ok(record) = record else {
            errors.push(RowError {
                row,
                column: String::new(),
                message: "此行无法读取 / this row cannot be read".into(),
            });
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |i: usize| position[i].and_then(|p| record.get(p)).unwrap_or_default();
        let mut fail = |i: usize, message: String| {
            errors.push(RowError {
                row,
                column: ASSESSMENT_COLUMNS[i].0.to_owned(),
                message,
            })
        };
        let person_id = match cell(0) {
            "" => None,
            text => {
                let id = Uuid::parse_str(text).ok();
                if id.is_none() {
                    fail(0, format!("人员ID“{text}”无效 / invalid person id"));
                }
                id
            }
        };
        let name = cell(1).to_owned();
        if name.is_empty() && person_id.is_none() {
            fail(1, "须填写姓名或人员ID / give a name or a person id".into());
        }
        let date = |text: &str| {
            ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        };
        let start = date(cell(2));
        if start.is_none() {
            fail(2, format!("日期“{}”无法识别 / unrecognised date", cell(2)));
        }
        let end = date(cell(3));
        if end.is_none() {
            fail(3, format!("日期“{}”无法识别 / unrecognised date", cell(3)));
        }
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            fail(
                3,
                "结束日期早于开始日期 / the period ends before it starts".into(),
            );
        }
        let score = cell(4)
            .parse::<i32>()
            .ok()
            .filter(|s| (0..=100).contains(s));
        if score.is_none() {
            fail(
                4,
                format!(
                    "得分“{}”须为 0 到 100 的整数 / score must be 0 to 100",
                    cell(4)
                ),
            );
        }
        let result = AssessmentResult::parse_form(cell(5));
        if result.is_none() {
            fail(
                5,
                format!(
                    "结果“{}”须为 优秀、合格 或 不合格 / result must be excellent, qualified or unqualified",
                    cell(5)
                ),
            );
        }
        let assessor = cell(6).to_owned();
        if !(1..=100).contains(&assessor.chars().count()) {
            fail(6, "须填写考评人（1 到 100 个字）/ give the assessor".into());
        }
        let notes = Some(cell(7)).filter(|n| !n.is_empty()).map(str::to_owned);
        if notes.as_ref().is_some_and(|n| n.chars().count() > 1000) {
            fail(7, "备注不能超过 1000 个字 / notes too long".into());
        }
        if let (Some(period_start), Some(period_end), Some(score), Some(result)) =
            (start, end, score, result)
        {
            out.push(AssessmentRow {
                row,
                person_id,
                name,
                period_start,
                period_end,
                score,
                result,
                assessor,
                notes,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if out.is_empty() {
        return Err(vec![RowError {
            row: 2,
            column: String::new(),
            message: "文件中没有数据行 / the file has no rows".into(),
        }]);
    }
    Ok(out)
}

/// A programme's terms as its manager gives them.
#[derive(Debug, Clone, Copy)]
pub struct ProgrammeFields<'a> {
    pub name: &'a str,
    pub post_title: &'a str,
    pub amount_fen_per_month: i64,
    pub annual_budget_fen: i64,
    pub required_result: AssessmentResult,
}

/// Checks a programme: a name of 1 to 100 characters and a post title of 1 to 40 (both
/// trimmed, as they are stored), 1 to 10,000,000 fen a month, a positive annual budget, and
/// a required result that passes. Names every broken field at once.
pub fn check_programme(p: &ProgrammeFields<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    if !(1..=100).contains(&p.name.trim().chars().count()) {
        broken("name", "名称须为 1 到 100 个字 / 1 to 100 characters");
    }
    if !(1..=40).contains(&p.post_title.trim().chars().count()) {
        broken(
            "post_title",
            "岗位名称须为 1 到 40 个字 / 1 to 40 characters",
        );
    }
    if !(1..=10_000_000).contains(&p.amount_fen_per_month) {
        broken(
            "amount_fen_per_month",
            "每月金额须在 0.01 到 100,000 元之间 / 1 to 10,000,000 fen",
        );
    }
    if p.annual_budget_fen <= 0 {
        broken(
            "annual_budget_fen",
            "年度预算须为正数 / the annual budget must be positive",
        );
    }
    if p.required_result == AssessmentResult::Unqualified {
        broken(
            "required_result",
            "要求的考评结果须为 合格 或 优秀 / qualified or excellent",
        );
    }
    refuse_any(errors)
}

/// An assessment's fields as the assessor gives them.
#[derive(Debug, Clone, Copy)]
pub struct AssessmentFields<'a> {
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub score: i32,
    pub assessor: &'a str,
    pub notes: Option<&'a str>,
}

/// Checks an assessment: a period that does not end before it starts, a score of 0 to 100,
/// an assessor of 1 to 100 characters and notes of at most 1000 (trimmed, as they are
/// stored). Names every broken field at once.
pub fn check_assessment(a: &AssessmentFields<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    if a.period_end < a.period_start {
        broken(
            "period_end",
            "考评期间结束不能早于开始 / the period ends before it starts",
        );
    }
    if !(0..=100).contains(&a.score) {
        broken("score", "得分须为 0 到 100 / score must be 0 to 100");
    }
    if !(1..=100).contains(&a.assessor.trim().chars().count()) {
        broken("assessor", "须填写考评人 / give the assessor");
    }
    if a.notes.is_some_and(|n| n.trim().chars().count() > 1000) {
        broken("notes", "备注不能超过 1000 个字 / at most 1000 characters");
    }
    refuse_any(errors)
}

/// An account number as stored: the digits given, without the spaces people group them with.
pub fn account_digits(account_no: &str) -> String {
    account_no.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Checks a bank account: 8 to 30 digits (spaces aside), a bank of 2 to 60 characters and
/// an account holder of 1 to 50 (trimmed). Names every broken field at once.
pub fn check_bank_account(
    bank_name: &str,
    account_no: &str,
    account_name: &str,
) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    let digits = account_digits(account_no);
    if !(8..=30).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        broken("account_no", "银行账号须为 8 到 30 位数字 / 8 to 30 digits");
    }
    if !(2..=60).contains(&bank_name.trim().chars().count()) {
        broken("bank_name", "请填写开户行 / give the bank");
    }
    if !(1..=50).contains(&account_name.trim().chars().count()) {
        broken("account_name", "请填写户名 / give the account holder");
    }
    refuse_any(errors)
}

/// Checks why a line is held: 2 to 200 characters (trimmed).
pub fn check_hold_reason(reason: &str) -> Result<(), DomainError> {
    if !(2..=200).contains(&reason.trim().chars().count()) {
        return Err(DomainError::field(
            "reason",
            "请说明暂缓原因（2 到 200 个字）/ give a reason of 2 to 200 characters",
        ));
    }
    Ok(())
}

/// The month a cycle pays for, from `YYYY-MM`: a month that has started by `today`.
pub fn cycle_month(text: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    let month = crate::public_revenue::parse_month(text).ok_or_else(|| {
        DomainError::field("month", "月份须写作 2026-10 / write the month as 2026-10")
    })?;
    if month > today {
        return Err(DomainError::field(
            "month",
            "不能为尚未开始的月份发放 / the month has not started",
        ));
    }
    Ok(month)
}

fn refuse_any(errors: FieldErrors) -> Result<(), DomainError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn candidate() -> Candidate {
        Candidate {
            person_id: Uuid::from_u128(1),
            posts: vec![HeldPost {
                post_id: Uuid::from_u128(2),
                organisation_name: "融城花苑党支部".into(),
                start_date: d(2020, 1, 1),
                end_date: None,
            }],
            assessment: Some(Assessed {
                assessment_id: Uuid::from_u128(3),
                version: 1,
                period_start: d(2026, 7, 1),
                period_end: d(2026, 9, 30),
                score: 88,
                result: AssessmentResult::Qualified,
            }),
            already_paid: false,
            has_bank_account: true,
        }
    }

    const TERMS: Terms = Terms {
        amount_fen_per_month: 80_000,
        required: AssessmentResult::Qualified,
        pro_rata: true,
    };

    #[test]
    fn every_reason_is_explained() {
        let month = d(2026, 9, 1);
        let ok = decide(month, TERMS, &candidate());
        assert_eq!((ok.reason, ok.amount_fen), (Reason::Eligible, 80_000));
        assert!(ok.explanation.contains("800.00") && ok.explanation.contains("合格"));

        let mut c = candidate();
        c.posts[0].end_date = Some(d(2026, 8, 31));
        assert_eq!(decide(month, TERMS, &c).reason, Reason::NoPostInPeriod);
        let mut c = candidate();
        c.assessment = None;
        assert_eq!(decide(month, TERMS, &c).reason, Reason::AssessmentMissing);
        let mut c = candidate();
        if let Some(a) = c.assessment.as_mut() {
            a.result = AssessmentResult::Unqualified;
        }
        let unq = decide(month, TERMS, &c);
        assert_eq!((unq.reason, unq.amount_fen), (Reason::Unqualified, 0));
        assert!(unq.explanation.contains("不合格"));
        let mut c = candidate();
        c.already_paid = true;
        assert_eq!(decide(month, TERMS, &c).reason, Reason::AlreadyPaid);
        let mut c = candidate();
        c.has_bank_account = false;
        assert_eq!(decide(month, TERMS, &c).reason, Reason::BankDetailsMissing);
        let strict = Terms {
            required: AssessmentResult::Excellent,
            ..TERMS
        };
        assert_eq!(
            decide(month, strict, &candidate()).reason,
            Reason::Unqualified
        );
    }

    #[test]
    fn a_partial_month_is_paid_pro_rata_rounded_down() {
        let mut c = candidate();
        c.posts[0].start_date = d(2026, 9, 21);
        let part = decide(d(2026, 9, 1), TERMS, &c);
        assert_eq!(part.amount_fen, 80_000 * 10 / 30);
        assert!(part.explanation.contains("10/30"));
        assert_eq!(pro_rata(100, 1, 3, true), 33);
        assert_eq!(pro_rata(100, 1, 3, false), 100);
        assert_eq!(pro_rata(100, 0, 3, false), 0);
    }

    #[test]
    fn four_eyes_and_the_life_cycle() {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(
            check_action(CycleStatus::Draft, CycleAction::Submit, a, a),
            Ok(CycleStatus::Submitted)
        );
        let Err(DomainError::WrongState { code, .. }) =
            check_action(CycleStatus::Submitted, CycleAction::Approve, a, a)
        else {
            panic!("the preparer approved");
        };
        assert_eq!(code, "four_eyes");
        assert_eq!(
            check_action(CycleStatus::Submitted, CycleAction::Approve, a, b),
            Ok(CycleStatus::Approved)
        );
        assert!(check_action(CycleStatus::Draft, CycleAction::Approve, a, b).is_err());
        assert!(check_action(CycleStatus::Approved, CycleAction::Close, a, b).is_err());
        assert!(check_budget(100, 60, 40).is_ok());
        assert!(check_budget(100, 60, 41).is_err());
    }

    #[test]
    fn bank_return_files_are_checked_row_by_row() {
        let id = Uuid::from_u128(7);
        let file = format!(
            "参考号,结果,银行流水号,失败原因\n{id},成功,B001,\n{id},失败,,户名不符\nbad,paid,,\n{id},失败,,\n"
        );
        let errors = parse_bank_return(file.as_bytes()).err().unwrap_or_default();
        assert!(errors.iter().any(|e| e.row == 4 && e.column == "参考号"));
        assert!(errors.iter().any(|e| e.row == 5 && e.column == "失败原因"));
        let ok = format!(
            "reference,result,bank_reference,failure_reason\n{id},paid,B001,\n{id},failed,,户名不符\n"
        );
        let rows = parse_bank_return(ok.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].paid && !rows[1].paid);
        assert_eq!(rows[1].failure_reason.as_deref(), Some("户名不符"));
        assert_eq!(mask_account("6222020200112233445"), "************3445");
    }

    #[test]
    fn assessment_files_are_checked_row_by_row() {
        let file = "姓名,考评开始,考评结束,得分,结果,考评人\n张三,2026-07-01,2026-09-30,88,合格,社区党总支\n\
            李四,2026-07-01,2026-06-30,101,良好,\n";
        let errors = parse_assessments(file.as_bytes()).err().unwrap_or_default();
        let at = |column: &str| errors.iter().any(|e| e.row == 3 && e.column == column);
        assert!(
            at("考评结束") && at("得分") && at("结果") && at("考评人"),
            "{errors:?}"
        );
        assert!(!errors.iter().any(|e| e.row == 2));
        let ok = "name,period_start,period_end,score,result,assessor\n张三,2026-07-01,2026-09-30,92,excellent,雨花区委组织部\n";
        let rows = parse_assessments(ok.as_bytes()).unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].result, AssessmentResult::Excellent);
    }

    #[test]
    fn fields_are_checked_all_at_once() {
        let Err(DomainError::Validation(e)) = check_programme(&ProgrammeFields {
            name: " ",
            post_title: "书记",
            amount_fen_per_month: 0,
            annual_budget_fen: 1,
            required_result: AssessmentResult::Unqualified,
        }) else {
            panic!("refused")
        };
        assert_eq!(
            e.keys().collect::<Vec<_>>(),
            ["amount_fen_per_month", "name", "required_result"]
        );
        let Err(DomainError::Validation(e)) = check_assessment(&AssessmentFields {
            period_start: d(2026, 7, 1),
            period_end: d(2026, 6, 30),
            score: 101,
            assessor: "组织部",
            notes: None,
        }) else {
            panic!("refused")
        };
        assert_eq!(e.keys().collect::<Vec<_>>(), ["period_end", "score"]);
        assert!(check_bank_account("长沙银行", "6222 0202 0011", "张三").is_ok());
        assert!(check_bank_account("长沙银行", "6222-0202-0011", "张三").is_err());
        assert_eq!(account_digits("6222 0202\t0011"), "622202020011");
        assert!(check_hold_reason(" 待 ").is_err());
        assert_eq!(cycle_month("2026-10", d(2026, 10, 1)), Ok(d(2026, 10, 1)));
        assert!(cycle_month("2026-11", d(2026, 10, 31)).is_err());
        assert!(cycle_month("10/2026", d(2026, 10, 31)).is_err());
    }
}
