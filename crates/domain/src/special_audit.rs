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

use crate::DomainError;

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
    fn codes_round_trip() {
        for s in EngagementStatus::ALL {
            assert_eq!(EngagementStatus::parse(s.as_str()), Some(s));
        }
        for k in FindingKind::ALL {
            assert_eq!(FindingKind::parse(k.as_str()), Some(k));
        }
    }
}
