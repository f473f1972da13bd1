//! Black-box tests of the Linli API: one binary, one database per test.

mod areas;
mod auth;
mod compounds;
mod contract;
mod errors;
mod health;
mod scoping;
