//! Dashboard statistics.

pub mod complaint_stats;
pub mod compounds_by_mode;
pub mod owners_committees;
pub mod registry_indicators;
