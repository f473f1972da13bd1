//! Special audits of public revenue (专项审计): campaigns, engagements, findings and
//! rectification, and the dashboard.

pub mod add_rectification;
pub mod audit_dashboard;
pub mod complete_rectification;
pub mod create_campaign;
pub mod create_engagement;
pub mod get_campaign;
pub mod get_engagement;
pub mod get_finding;
pub mod list_campaigns;
pub mod list_engagements;
pub mod list_findings;
pub mod raise_finding;
pub mod set_engagement_fee;
pub mod transition_engagement;
pub mod update_campaign;
pub mod verify_rectification;
