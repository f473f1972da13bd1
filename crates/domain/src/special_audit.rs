//! Special audits of public revenue (专项审计): campaigns with a budget, one engagement
//! per compound with an audit firm, findings and their rectification (整改).
//!
//! ```text
//! planned ─▶ fieldwork ─▶ draft_report ─▶ final_report (opinion) ─▶ rectification ─▶ closed
//!                                                   └───────── no open finding ─────────▶ closed
//! ```
//! An engagement closes only when every finding is closed; a finding closes when each of
//! its rectification actions has been completed with evidence and verified by someone
//! other than the person who raised the finding.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::{DomainError, FieldErrors, public_revenue::MAX_LINE_FEN};

crate::text_enum! {
    /// Where an engagement stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum EngagementStatus {
        /// 已计划
        Planned = "planned",
        /// 现场审计
        Fieldwork = "fieldwork",
        /// 报告初稿
        DraftReport = "draft_report",
        /// 正式报告 (with an opinion)
        FinalReport = "final_report",
        /// 整改中
        Rectification = "rectification",
        /// 已结项
        Closed = "closed",
    }
}

crate::text_enum! {
    /// The auditor's opinion on the compound's public revenue accounts.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Opinion {
        /// 无保留意见
        Unqualified = "unqualified",
        /// 保留意见
        Qualified = "qualified",
        /// 否定意见
        Adverse = "adverse",
        /// 无法表示意见
        Disclaimer = "disclaimer",
    }
}

crate::text_enum! {
    /// What an audit found.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum FindingKind {
        /// 收入未入账
        UnrecordedIncome = "unrecorded_income",
        /// 挪用
        Misappropriation = "misappropriation",
        /// 凭证缺失
        MissingVoucher = "missing_voucher",
        /// 未经授权的支出
        UnauthorisedExpense = "unauthorised_expense",
        /// 其他
        Other = "other",
    }
}

crate::text_enum! {
    /// How serious a finding is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Severity {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

impl EngagementStatus {
    /// The statuses an engagement may move to from here. `open_findings` counts findings
    /// not yet closed; `findings` all of them.
    pub fn next(self, findings: usize, open_findings: usize) -> Vec<EngagementStatus> {
        use EngagementStatus::*;
        match self {
            Planned => vec![Fieldwork],
            Fieldwork => vec![DraftReport],
            DraftReport => vec![FinalReport, Fieldwork],
            FinalReport if findings == 0 => vec![Closed],
            FinalReport => vec![Rectification],
            Rectification if open_findings == 0 => vec![Closed],
            Rectification | Closed => vec![],
        }
    }

    /// Findings may be raised until the final report is issued.
    pub fn takes_findings(self) -> bool {
        matches!(
            self,
            EngagementStatus::Fieldwork | EngagementStatus::DraftReport
        )
    }
}

/// Checks a requested transition; the error lists what the state allows now.
pub fn check_transition(
    from: EngagementStatus,
    to: EngagementStatus,
    findings: usize,
    open_findings: usize,
    opinion: Option<Opinion>,
) -> Result<(), DomainError> {
    let allowed = from.next(findings, open_findings);
    if !allowed.contains(&to) {
        let detail = if to == EngagementStatus::Closed && open_findings > 0 {
            format!(
                "还有 {open_findings} 项审计发现未整改完毕，不能结项 / {open_findings} findings are still open; the engagement cannot close"
            )
        } else {
            format!(
                "审计项目不能从 {} 转为 {} / an engagement cannot move from {} to {}",
                from.as_str(),
                to.as_str(),
                from.as_str(),
                to.as_str()
            )
        };
        return Err(DomainError::WrongState {
            code: if to == EngagementStatus::Closed && open_findings > 0 {
                "findings_open"
            } else {
                "illegal_transition"
            },
            detail,
            allowed: allowed.iter().map(|s| s.as_str().to_owned()).collect(),
        });
    }
    if to == EngagementStatus::FinalReport && opinion.is_none() {
        return Err(DomainError::field(
            "opinion",
            "正式报告须给出审计意见 / a final report needs an opinion",
        ));
    }
    Ok(())
}

crate::text_enum! {
    /// Where a rectification action stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RectificationStatus {
        /// 待整改
        Pending = "pending",
        /// 已提交整改证据
        Completed = "completed",
        /// 已核验
        Verified = "verified",
    }
}

/// Who is asking to verify a completed rectification.
pub fn check_verifier(
    status: RectificationStatus,
    finding_raised_by: uuid::Uuid,
    verifier: uuid::Uuid,
) -> Result<(), DomainError> {
    if status != RectificationStatus::Completed {
        return Err(DomainError::WrongState {
            code: "rectification_not_completed",
            detail: "只能核验已提交整改证据的措施 / only a completed action with evidence can be verified".into(),
            allowed: vec![],
        });
    }
    if finding_raised_by == verifier {
        return Err(DomainError::WrongState {
            code: "verifier_is_author",
            detail: "整改须由提出该审计发现以外的人核验 / the person who raised the finding cannot verify its rectification".into(),
            allowed: vec![],
        });
    }
    Ok(())
}

/// A finding closes when it has actions and every one is verified.
pub fn finding_settled(statuses: &[RectificationStatus]) -> bool {
    !statuses.is_empty() && statuses.iter().all(|s| *s == RectificationStatus::Verified)
}

/// A campaign as its manager describes it (the text already trimmed).
#[derive(Debug, Clone, Copy)]
pub struct CampaignDraft<'a> {
    pub name: &'a str,
    pub year: i32,
    pub budget_fen: i64,
    pub description: Option<&'a str>,
    /// At least one firm was chosen and every one is an audit firm.
    pub firms_ok: bool,
}

/// Checks a campaign's fields: a name, a year, a positive budget, audit firms; names every
/// broken field at once.
pub fn check_campaign(draft: &CampaignDraft<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    if !(1..=100).contains(&draft.name.chars().count()) {
        broken("name", "名称须为 1 到 100 个字 / 1 to 100 characters");
    }
    if !(2000..=2100).contains(&draft.year) {
        broken(
            "year",
            "年度须在 2000 到 2100 之间 / the year must be 2000 to 2100",
        );
    }
    if draft.budget_fen <= 0 {
        broken(
            "budget_fen",
            "预算须为正数（单位：分）/ the budget must be positive (fen)",
        );
    }
    if draft.description.is_some_and(|d| d.chars().count() > 2000) {
        broken(
            "description",
            "说明不能超过 2000 个字 / at most 2000 characters",
        );
    }
    if !draft.firms_ok {
        broken(
            "firm_ids",
            "须选择至少一家审计机构，且均须为审计机构 / choose at least one audit firm; every id must be an audit firm",
        );
    }
    refuse_broken(errors)
}

/// An engagement as its manager describes it (the scope already trimmed).
#[derive(Debug, Clone, Copy)]
pub struct EngagementDraft<'a> {
    pub scope: &'a str,
    pub fee_fen: i64,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
}

/// Checks an engagement's fields: its scope, a fee that is not negative, a period that ends
/// after it starts; names every broken field at once.
pub fn check_engagement(draft: &EngagementDraft<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    if !scope_fits(draft.scope) {
        errors.insert("scope".into(), vec![SCOPE_LENGTH.into()]);
    }
    if draft.fee_fen < 0 {
        errors.insert("fee_fen".into(), vec![NEGATIVE_FEE.into()]);
    }
    if draft.period_to < draft.period_from {
        errors.insert(
            "period_to".into(),
            vec!["审计期间结束不能早于开始 / the period must end after it starts".into()],
        );
    }
    refuse_broken(errors)
}

const SCOPE_LENGTH: &str = "审计范围须为 1 到 1000 个字 / 1 to 1000 characters";
const NEGATIVE_FEE: &str = "费用不能为负 / the fee cannot be negative";

fn scope_fits(scope: &str) -> bool {
    (1..=1000).contains(&scope.chars().count())
}

/// A fee cannot be negative.
pub fn check_fee(fee_fen: i64) -> Result<(), DomainError> {
    if fee_fen < 0 {
        return Err(DomainError::field("fee_fen", NEGATIVE_FEE));
    }
    Ok(())
}

/// An engagement's scope: 1 to 1000 characters.
pub fn check_scope(scope: &str) -> Result<(), DomainError> {
    if !scope_fits(scope) {
        return Err(DomainError::field("scope", SCOPE_LENGTH));
    }
    Ok(())
}

/// The summary of a report: at most 4000 characters.
pub fn check_report_summary(summary: Option<&str>) -> Result<(), DomainError> {
    if summary.is_some_and(|s| s.chars().count() > 4000) {
        return Err(DomainError::field(
            "report_summary",
            "报告摘要不能超过 4000 个字 / at most 4000 characters",
        ));
    }
    Ok(())
}

/// A finding as its auditor writes it (the text already trimmed).
#[derive(Debug, Clone, Copy)]
pub struct FindingDraft<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub amount_fen: i64,
    pub evidence: Option<&'a str>,
}

/// Checks a finding's fields: a title, a description, the money at stake, the evidence;
/// names every broken field at once.
pub fn check_finding(draft: &FindingDraft<'_>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let mut broken = |field: &str, message: &str| {
        errors.insert(field.to_owned(), vec![message.to_owned()]);
    };
    if !(1..=100).contains(&draft.title.chars().count()) {
        broken("title", "标题须为 1 到 100 个字 / 1 to 100 characters");
    }
    if !(1..=4000).contains(&draft.description.chars().count()) {
        broken(
            "description",
            "描述须为 1 到 4000 个字 / 1 to 4000 characters",
        );
    }
    if !(0..=MAX_LINE_FEN).contains(&draft.amount_fen) {
        broken(
            "amount_fen",
            "涉及金额须为 0 到 1 亿元 / 0 to 100 million yuan",
        );
    }
    if draft.evidence.is_some_and(|e| e.chars().count() > 4000) {
        broken(
            "evidence",
            "证据说明不能超过 4000 个字 / at most 4000 characters",
        );
    }
    refuse_broken(errors)
}

/// A rectification action: 1 to 1000 characters.
pub fn check_action(action: &str) -> Result<(), DomainError> {
    if !(1..=1000).contains(&action.chars().count()) {
        return Err(DomainError::field(
            "action",
            "整改措施须为 1 到 1000 个字 / 1 to 1000 characters",
        ));
    }
    Ok(())
}

/// What was done, with evidence: 1 to 4000 characters.
pub fn check_completion(evidence: &str) -> Result<(), DomainError> {
    if !(1..=4000).contains(&evidence.chars().count()) {
        return Err(DomainError::field(
            "evidence",
            "请说明整改情况和证据（1 到 4000 个字）/ describe what was done, 1 to 4000 characters",
        ));
    }
    Ok(())
}

/// A verifier's note: at most 1000 characters.
pub fn check_verification_note(note: Option<&str>) -> Result<(), DomainError> {
    if note.is_some_and(|n| n.chars().count() > 1000) {
        return Err(DomainError::field(
            "note",
            "说明不能超过 1000 个字 / at most 1000 characters",
        ));
    }
    Ok(())
}

fn refuse_broken(errors: FieldErrors) -> Result<(), DomainError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EngagementStatus::*;

    #[test]
    fn the_life_cycle_runs_forward_and_closing_waits_for_findings() {
        assert!(check_transition(Planned, Fieldwork, 0, 0, None).is_ok());
        assert!(check_transition(Planned, Closed, 0, 0, None).is_err());
        assert!(check_transition(DraftReport, FinalReport, 1, 1, None).is_err());
        assert!(check_transition(DraftReport, FinalReport, 1, 1, Some(Opinion::Qualified)).is_ok());
        assert!(check_transition(FinalReport, Closed, 0, 0, Some(Opinion::Unqualified)).is_ok());
        assert!(check_transition(FinalReport, Closed, 1, 1, Some(Opinion::Qualified)).is_err());
        let Err(DomainError::WrongState { code, .. }) =
            check_transition(Rectification, Closed, 2, 1, Some(Opinion::Qualified))
        else {
            panic!("closed with an open finding");
        };
        assert_eq!(code, "findings_open");
        assert!(check_transition(Rectification, Closed, 2, 0, Some(Opinion::Qualified)).is_ok());
    }

    #[test]
    fn the_author_of_a_finding_cannot_verify_it() {
        let (author, other) = (uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2));
        assert!(check_verifier(RectificationStatus::Completed, author, author).is_err());
        assert!(check_verifier(RectificationStatus::Pending, author, other).is_err());
        assert!(check_verifier(RectificationStatus::Completed, author, other).is_ok());
        assert!(!finding_settled(&[]));
        assert!(finding_settled(&[RectificationStatus::Verified]));
        assert!(!finding_settled(&[
            RectificationStatus::Verified,
            RectificationStatus::Completed
        ]));
    }

    #[test]
    fn field_rules_name_every_broken_field() {
        let Err(DomainError::Validation(errors)) = check_campaign(&CampaignDraft {
            name: "",
            year: 1999,
            budget_fen: 0,
            description: Some(&"长".repeat(2001)),
            firms_ok: false,
        }) else {
            panic!("a broken campaign passed");
        };
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            ["budget_fen", "description", "firm_ids", "name", "year"]
        );
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap_or_default();
        let Err(DomainError::Validation(errors)) = check_engagement(&EngagementDraft {
            scope: "",
            fee_fen: -1,
            period_from: day(2),
            period_to: day(1),
        }) else {
            panic!("a broken engagement passed");
        };
        assert_eq!(errors.len(), 3);
        assert!(check_fee(0).is_ok() && check_fee(-1).is_err());
        assert!(check_scope("凭证").is_ok() && check_scope("").is_err());
        let Err(DomainError::Validation(errors)) = check_finding(&FindingDraft {
            title: "",
            description: "",
            amount_fen: MAX_LINE_FEN + 1,
            evidence: None,
        }) else {
            panic!("a broken finding passed");
        };
        assert_eq!(errors.len(), 3);
        assert!(check_action("补齐发票").is_ok() && check_action("").is_err());
        assert!(check_completion("已补记").is_ok() && check_completion("").is_err());
        assert!(check_verification_note(None).is_ok());
        assert!(check_report_summary(Some(&"长".repeat(4001))).is_err());
    }

    #[test]
    fn codes_round_trip() {
        for s in EngagementStatus::ALL {
            assert_eq!(EngagementStatus::parse(s.as_str()), Some(s));
        }
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::parse(k.as_str()), Some(k));
        }
    }
}
