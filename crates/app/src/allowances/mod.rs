//! Allowance payments (岗位津贴): programmes, assessments, bank details, payment cycles with
//! four eyes, disbursement and reconciliation.

mod bank_file;
mod create_assessment;
mod create_cycle;
mod create_programme;
mod disburse_cycle;
mod find_bank_account;
mod find_cycle;
mod find_programme;
mod hold_payment;
mod import_assessments;
mod list_assessments;
mod list_cycles;
mod list_payments;
mod list_programmes;
mod person_payments;
mod programme_budget;
mod reconcile_cycle;
mod regenerate_cycle;
mod release_payment;
mod set_bank_account;
mod transition_cycle;
mod update_assessment;
mod update_programme;

pub use bank_file::{BankFile, bank_file};
pub use create_assessment::create_assessment;
pub use create_cycle::{CreateCycle, create_cycle};
pub use create_programme::{ProgrammeTerms, create_programme};
pub use disburse_cycle::disburse_cycle;
pub use find_bank_account::find_bank_account;
pub use find_cycle::find_cycle;
pub use find_programme::find_programme;
pub use hold_payment::{HoldPayment, hold_payment};
pub use import_assessments::{import_assessments, may_import_assessments};
pub use list_assessments::{FindAssessments, list_assessments};
pub use list_cycles::{FindCycles, list_cycles};
pub use list_payments::list_payments;
pub use list_programmes::list_programmes;
pub use person_payments::person_payments;
pub use programme_budget::{Budget, programme_budget};
pub use reconcile_cycle::{ReconcileCycle, reconcile_cycle};
pub use regenerate_cycle::regenerate_cycle;
pub use release_payment::release_payment;
pub use set_bank_account::{SetBankAccount, set_bank_account};
pub use transition_cycle::{TransitionCycle, transition_cycle};
pub use update_assessment::{UpdateAssessment, update_assessment};
pub use update_programme::{UpdateProgramme, update_programme};

use linli_domain::ids::PaymentCycleId;
use linli_domain::{area::AreaPath, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    allowances::{self, Cycle, Programme},
    areas::scope_patterns,
};

use crate::{Caller, Result, access::Owned};

impl Owned for Programme {
    /// The programme's area: preparing, approving and changing need the role over all of
    /// it, not below it.
    fn owners(&self) -> Vec<AreaPath> {
        vec![AreaPath::from_stored(self.area_path.clone())]
    }
}

/// The scope patterns of the caller's `action` (`Forbidden` when it is not theirs).
fn patterns(caller: &Caller, action: Action) -> Result<Vec<String>> {
    Ok(scope_patterns(&caller.scope(action)?))
}

/// The cycle if the caller may read it, with its programme.
async fn readable_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: PaymentCycleId,
) -> Result<(Cycle, Programme)> {
    let patterns = patterns(caller, Action::ReadAllowances)?;
    let cycle = allowances::cycle(tx, &patterns, id.into()).await?;
    let programme = allowances::programme(tx, &patterns, cycle.programme_id).await?;
    Ok((cycle, programme))
}

/// `Forbidden` unless `action` is the caller's over the programme's whole area.
fn require_over(caller: &Caller, action: Action, programme: &Programme) -> Result<()> {
    Ok(caller.scope(action)?.may_change(&programme.owners())?)
}

/// The cycle, with its programme, when the caller may read it and prepare its payments.
async fn prepared_cycle(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: PaymentCycleId,
) -> Result<(Cycle, Programme)> {
    let (cycle, programme) = readable_cycle(tx, caller, id).await?;
    require_over(caller, Action::PreparePayments, &programme)?;
    Ok((cycle, programme))
}

/// `Ok` when the caller may see the cycle and prepare its payments over the programme's
/// area: asked before a request's key is taken or a file is read.
pub async fn may_prepare_payments(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cycle_id: PaymentCycleId,
) -> Result<()> {
    prepared_cycle(tx, caller, cycle_id).await.map(|_| ())
}
