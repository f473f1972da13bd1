//! Reading assessments.

use chrono::NaiveDate;
use linli_domain::ids::PersonId;
use linli_domain::{DomainError, allowance::AssessmentResult, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Assessment, AssessmentFilter},
    areas::scope_patterns,
};

use crate::{Caller, Result};

/// Filters of the assessment list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindAssessments {
    pub person_id: Option<PersonId>,
    /// Assessments covering this day.
    pub on: Option<NaiveDate>,
    pub result: Option<AssessmentResult>,
}

/// Assessments of people in the caller's area (for those who read allowances and those who
/// assess), newest period first: up to `limit`.
pub async fn list_assessments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    find: FindAssessments,
    limit: i64,
) -> Result<Vec<Assessment>> {
    // Authorise: either action will do.
    let mut patterns = Vec::new();
    for action in [Action::ReadAllowances, Action::ManageAssessments] {
        if let Ok(scope) = caller.scope(action) {
            patterns.extend(scope_patterns(&scope));
        }
    }
    if patterns.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    let filter = AssessmentFilter {
        person_id: find.person_id.map(Into::into),
        on: find.on,
        result: find.result.map(|r| r.as_str().to_owned()),
    };
    allowances::assessments(tx, &patterns, &filter, limit).await
}
