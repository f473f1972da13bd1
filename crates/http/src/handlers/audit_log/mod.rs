//! The audit log.

pub mod list_audit_log;
pub mod verify_audit_log;
