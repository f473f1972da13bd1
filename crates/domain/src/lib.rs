//! Linli's domain: the rules of compound governance, free of any transport or storage.
//!
//! The HTTP crate translates requests into calls here, the persistence crate stores what
//! this crate decides. Nothing in here knows about SQL, HTTP or tokens.

pub mod text_enum;

pub mod allowance;
pub mod area;
pub mod calendar;
pub mod clock;
pub mod complaint;
pub mod complaint_stats;
pub mod compound;
pub mod csv_import;
pub mod error;
pub mod geo;
pub mod ids;
pub mod media;
pub mod page;
pub mod pii;
pub mod policy;
pub mod public_revenue;
pub mod rate;
pub mod registry;
pub mod special_audit;
pub mod throttle;
pub mod user;
pub mod volunteering;
pub mod webhook;

pub use error::{DomainError, FieldErrors};
