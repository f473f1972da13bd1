//! Public revenue (公共收益): each compound's double-entry ledger, its reports and the
//! disclosures residents read.

pub mod close_period;
pub mod create_account;
pub mod get_disclosure;
pub mod get_entry;
pub mod get_voucher;
pub mod import_entries;
pub mod list_accounts;
pub mod list_disclosures;
pub mod list_entries;
pub mod list_periods;
pub mod list_vouchers;
pub mod monthly_report;
pub mod post_entry;
pub mod preview_disclosure;
pub mod publish_disclosure;
pub mod reverse_entry;
pub mod rollup_report;
pub mod trial_balance;
pub mod upload_voucher;
