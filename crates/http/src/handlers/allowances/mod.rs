//! Allowance payments (岗位津贴): programmes, assessments, bank details, payment cycles with
//! four eyes, disbursement and reconciliation.

pub mod bank_file;
pub mod create_assessment;
pub mod create_cycle;
pub mod create_programme;
pub mod disburse_cycle;
pub mod get_bank_account;
pub mod get_cycle;
pub mod get_programme;
pub mod hold_payment;
pub mod import_assessments;
pub mod list_assessments;
pub mod list_cycles;
pub mod list_payments;
pub mod list_programmes;
pub mod person_payments;
pub mod programme_budget;
pub mod reconcile_cycle;
pub mod regenerate_cycle;
pub mod release_payment;
pub mod set_bank_account;
pub mod transition_cycle;
pub mod update_assessment;
pub mod update_programme;

use linli_domain::{DomainError, area::AreaPath, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle, Programme},
    areas::scope_patterns,
};
use uuid::Uuid;

use crate::{auth::Caller, error::ApiResult};

/// The cycle if the caller may read it, with its programme.
async fn readable_cycle(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> ApiResult<(Cycle, Programme)> {
    let patterns = scope_patterns(&caller.scope(Action::ReadAllowances)?);
    let cycle = allowances::cycle(conn, &patterns, id).await?;
    let programme = allowances::programme(conn, &patterns, cycle.programme_id).await?;
    Ok((cycle, programme))
}

/// 403 unless `action` is the caller's over the programme's whole area: preparing and
/// approving need the finance role there, not below it.
fn require_over(caller: &Caller, action: Action, programme: &Programme) -> ApiResult<()> {
    let scope = caller.scope(action)?;
    if scope.covers(&AreaPath::from_stored(programme.area_path.clone())) {
        Ok(())
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// Scope patterns for assessments: those who read allowances and those who assess.
fn assessment_patterns(caller: &Caller) -> ApiResult<Vec<String>> {
    let mut patterns = Vec::new();
    for action in [Action::ReadAllowances, Action::ManageAssessments] {
        if let Ok(scope) = caller.scope(action) {
            patterns.extend(scope_patterns(&scope));
        }
    }
    if patterns.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    Ok(patterns)
}
