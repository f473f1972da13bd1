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
