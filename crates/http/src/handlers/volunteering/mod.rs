//! Volunteer service (报到 / 志愿服务): reports to compounds, teams, activities and
//! sign-ups, check-ins from phones (geofence or rotating QR code), offline sync, verified
//! hours, certificates, the employer report and the dashboard.

pub mod cancel_activity;
pub mod cancel_signup;
pub mod centre_qr;
pub mod check_in;
pub mod check_out;
pub mod create_activity;
pub mod decide_report;
pub mod employer_report;
pub mod get_activity;
pub mod issue_certificate;
pub mod list_activities;
pub mod list_check_ins;
pub mod list_reports;
pub mod list_team_members;
pub mod my_volunteering;
pub mod print_certificate;
pub mod remove_team_member;
pub mod request_report;
pub mod service_hours;
pub mod set_team_member;
pub mod sign_up;
pub mod sync_check_ins;
pub mod verify_certificate;
pub mod verify_check_in;
pub mod volunteering_stats;

use crate::{qr::QrSigner, state::AppState};

/// The signer of the centres' QR codes.
fn qr(state: &AppState) -> QrSigner {
    QrSigner::new(&state.settings.auth.jwt_secret)
}
