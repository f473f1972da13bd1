//! Recording an assessment (考评).

use linli_domain::ids::PersonId;
use linli_domain::{
    DomainError,
    allowance::{AssessmentFields, check_assessment},
    policy::Action,
};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Assessment, AssessmentDraft},
    areas::first_root,
};

use super::patterns;
use crate::{Caller, Result};

/// Records an assessment of a person in the caller's area (one assessment for any day of
/// theirs: overlaps are refused). Returns the stored assessment.
pub async fn create_assessment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    record: AssessmentDraft,
) -> Result<Assessment> {
    // Authorise.
    let patterns = patterns(caller, Action::ManageAssessments)?;
    // Validate.
    let draft = drafted(record)?;
    // Load: the person, in the caller's area.
    let area = person_area(tx, &patterns, draft.person_id.into()).await?;
    // Store and audit.
    let id = allowances::create_assessment(tx, &caller.audit, &area, &draft).await?;
    allowances::assessment(tx, &patterns, id).await
}

/// The assessment as the assessor gives it, checked and trimmed as it is stored.
pub(super) fn drafted(record: AssessmentDraft) -> Result<AssessmentDraft> {
    check_assessment(&AssessmentFields {
        period_start: record.period_start,
        period_end: record.period_end,
        score: record.score,
        assessor: &record.assessor,
        notes: record.notes.as_deref(),
    })?;
    Ok(AssessmentDraft {
        assessor: record.assessor.trim().to_owned(),
        notes: record
            .notes
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
        ..record
    })
}

/// The area path the audit log files a person's record under: the caller's first scope
/// root that sees them. A field error when the person is not in the caller's area.
pub(super) async fn person_area(
    tx: &mut AsyncPgConnection,
    patterns: &[String],
    person_id: PersonId,
) -> Result<String> {
    if !allowances::person_visible(tx, patterns, person_id.into()).await? {
        return Err(DomainError::field(
            "person_id",
            "只能为您负责区域内的人员记录 / choose a person in your area",
        )
        .into());
    }
    Ok(first_root(patterns))
}
