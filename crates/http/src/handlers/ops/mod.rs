//! Operations endpoints.

pub mod metrics;
