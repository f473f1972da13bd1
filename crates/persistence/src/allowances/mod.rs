//! Allowance payments: programmes, assessments, bank details, payment cycles, their lines
//! (payments), transfers (disbursements) and bank return files.
//!
//! The database holds the rules money depends on: a person-month of a programme has at
//! most one transfer that has not failed (partial unique index), one open cycle per
//! programme-month, the approver is not the preparer.
//!
//! One submodule per aggregate; everything is re-exported here, so callers name
//! `allowances::X` whichever file holds it.

/// Cycles whose area lies in the scope (`$1`, `LIKE` patterns), or whose area contains it.
macro_rules! cycle_visible {
    () => {
        "(c.area_path LIKE ANY($1) OR EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE s LIKE c.area_path || '%'))"
    };
}

mod assessments;
mod bank_accounts;
mod cycles;
mod disbursements;
mod generation;
mod payments;
mod programmes;

pub use assessments::*;
pub use bank_accounts::*;
pub use cycles::*;
pub use disbursements::*;
pub use payments::*;
pub use programmes::*;
