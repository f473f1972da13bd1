//! Dashboard statistics.

pub mod compounds_by_mode;
