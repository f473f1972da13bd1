//! Correcting an assessment.

use linli_domain::ids::AssessmentId;
use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Assessment, AssessmentDraft},
};

use super::{
    create_assessment::{drafted, person_area},
    patterns,
};
use crate::{Caller, Result};

/// An assessment as corrected (the person stays).
#[derive(Debug, Clone)]
pub struct UpdateAssessment {
    pub assessment_id: AssessmentId,
    pub record: AssessmentDraft,
    /// The version the caller read (`If-Match`).
    pub expected_version: i64,
}

/// Corrects an assessment of a person in the caller's area; payment cycles that used it
/// are flagged and the audit log keeps before and after. Returns the stored assessment.
pub async fn update_assessment(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: UpdateAssessment,
) -> Result<Assessment> {
    // Authorise.
    let patterns = patterns(caller, Action::ManageAssessments)?;
    // Validate.
    let draft = drafted(cmd.record)?;
    // Load.
    let current = allowances::assessment(tx, &patterns, cmd.assessment_id.into()).await?;
    if draft.person_id != current.person_id {
        return Err(
            DomainError::field("person_id", "考评对象不能修改 / the person cannot change").into(),
        );
    }
    let area = person_area(tx, &patterns, current.person_id.into()).await?;
    // Store and audit.
    allowances::update_assessment(
        tx,
        &caller.audit,
        &area,
        &current,
        cmd.expected_version,
        &draft,
    )
    .await?;
    allowances::assessment(tx, &patterns, current.id).await
}
