//! The demo district: 雨花区 as the source document describes it, with its registry, a
//! year of public revenue books and the special audit, allowance payment cycles and half a
//! year of volunteering, placed around the day it is loaded ([`demo_calendar`]). Used by
//! `linli seed-demo` and by the tests' template database. It writes through the
//! persistence crate's schema and repositories; nothing in the product depends on it.

#[macro_use]
extern crate linli_persistence;

pub mod demo;
pub mod demo_allowances;
pub mod demo_calendar;
pub mod demo_public_revenue;
pub mod demo_registry;
pub mod demo_volunteering;

pub use demo::{DEMO_USERS, seed};
