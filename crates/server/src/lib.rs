//! The `linli` server's library: configuration and the background workers, shared by the
//! binary and the tests.

pub mod config;
pub mod import;
pub mod periodic;
pub mod relay;
pub mod sealer;
pub mod signature;
pub mod startup;
pub mod stats_rollup;
