//! Volunteer service (报到 / 志愿服务): reports to compounds, teams, activities and
//! sign-ups, check-ins from phones (geofence or rotating QR code), offline sync, verified
//! hours and certificates.

mod cancel_activity;
mod cancel_signup;
mod centre_qr;
mod check_in;
mod check_out;
mod create_activity;
mod decide_report;
mod employer_report;
mod get_activity;
mod issue_certificate;
mod list_activities;
mod list_check_ins;
mod list_reports;
mod list_team_members;
mod my_volunteering;
mod print_certificate;
mod remove_team_member;
mod request_report;
mod service_hours;
mod set_team_member;
mod sign_up;
mod sync_check_ins;
mod verify_certificate;
mod verify_check_in;
mod volunteering_stats;

pub use cancel_activity::cancel_activity;
pub use cancel_signup::cancel_signup;
pub use centre_qr::centre_qr;
pub use check_in::{CheckIn, check_in};
pub use check_out::check_out;
pub use create_activity::{CreateActivity, create_activity};
pub use decide_report::{DecideReport, decide_report};
pub use employer_report::{EmployerReport, FindEmployerReport, employer_report};
pub use get_activity::get_activity;
pub use issue_certificate::{IssueCertificate, issue_certificate};
pub use list_activities::{FindActivities, list_activities};
pub use list_check_ins::{FindCheckIns, list_check_ins};
pub use list_reports::list_reports;
pub use list_team_members::list_team_members;
pub use my_volunteering::{MyVolunteering, my_volunteering};
pub use print_certificate::print_certificate;
pub use remove_team_member::{TeamMembership, remove_team_member};
pub use request_report::{RequestReport, request_report};
pub use service_hours::{FindHours, Hours, service_hours};
pub use set_team_member::{SetTeamMember, set_team_member};
pub use sign_up::sign_up;
pub use sync_check_ins::{SyncItem, SyncKind, Synced, sync_check_ins};
pub use verify_certificate::verify_certificate;
pub use verify_check_in::{VerifyCheckIn, verify_check_in};
pub use volunteering_stats::{VolunteeringStats, volunteering_stats};

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use linli_domain::{
    DomainError,
    geo::GeoPoint,
    policy::{Action, Principal},
    volunteering::{activity_cancelled, check_activity_open, check_geofence, qr_refused, qr_valid},
};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, Activity, Place},
};
use uuid::Uuid;

use crate::{Caller, Result, not_found_as_field};

/// A phone's position with the accuracy it reports, in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
    pub accuracy_m: f64,
}

/// A centre's QR code as the door that received it read it (the signature is checked
/// there, with the server's key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qr {
    /// A genuine code: the centre it names and when it was shown.
    Signed {
        centre_id: Uuid,
        issued_at: DateTime<Utc>,
    },
    /// Forged or garbled.
    Unreadable,
}

/// Where and how a volunteer says they are present.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Presence {
    pub activity_id: Option<Uuid>,
    pub centre_id: Option<Uuid>,
    pub location: Option<Position>,
    pub qr: Option<Qr>,
}

/// The person a participating volunteer acts as. `Forbidden` for callers who do not
/// participate; `no_person_record` for accounts not linked to a person record.
pub async fn participant(conn: &mut AsyncPgConnection, caller: &Caller) -> Result<Uuid> {
    caller.scope(Action::Participate)?;
    Ok(viewer(conn, caller)
        .await?
        .ok_or_else(|| DomainError::Refused {
            code: "no_person_record",
            detail: "您的账号尚未关联人员档案，请联系社区工作人员 / your account is not linked to a person record; ask your community".into(),
        })?)
}

/// The person record of a signed-in user, if linked.
pub async fn viewer(conn: &mut AsyncPgConnection, caller: &Caller) -> Result<Option<Uuid>> {
    match &caller.principal {
        Principal::User { user_id, .. } => volunteering::person_of_user(conn, *user_id).await,
        Principal::ApiKey { .. } => Ok(None),
    }
}

/// Where a check-in happens: the activity, the centre, or — with neither — the centre the
/// QR code names (a phone that scanned the code at the door knows nothing else).
async fn place(conn: &mut AsyncPgConnection, presence: &Presence) -> Result<Place> {
    let centre_id = presence
        .centre_id
        .or(match (presence.activity_id, presence.qr) {
            (None, Some(Qr::Signed { centre_id, .. })) => Some(centre_id),
            _ => None,
        });
    match (presence.activity_id, centre_id) {
        (Some(a), _) => {
            let p = volunteering::activity_place(conn, a).await.map_err(|e| {
                not_found_as_field(e, "activity_id", "没有这个活动 / no such activity")
            })?;
            if p.activity_status.as_deref() == Some("cancelled") {
                return Err(activity_cancelled().into());
            }
            Ok(p)
        }
        (None, Some(c)) => volunteering::centre_place(conn, c)
            .await
            .map_err(|e| not_found_as_field(e, "centre_id", "没有这个服务中心 / no such centre")),
        (None, None) => Err(DomainError::field(
            "activity_id",
            "请选择活动或服务中心 / give an activity or a centre",
        )
        .into()),
    }
}

/// How presence was proven: the method, the distance, the position.
type Proof = (&'static str, Option<f64>, Option<(f64, f64, f64)>);

/// Proves presence at `place` at `at`: during the activity's check-in window, with a QR code
/// of the place's centre issued within the last minute or a position inside the geofence.
fn prove_presence(
    place: &Place,
    presence: &Presence,
    at: DateTime<Utc>,
) -> std::result::Result<Proof, DomainError> {
    if let (Some(starts), Some(ends)) = (place.starts_at, place.ends_at) {
        check_activity_open(starts, ends, at)?;
    }
    let position = presence.location.map(|l| (l.lat, l.lon, l.accuracy_m));
    if let Some(qr) = presence.qr {
        let Qr::Signed {
            centre_id,
            issued_at,
        } = qr
        else {
            return Err(qr_refused());
        };
        if Some(centre_id) != place.centre_id || !qr_valid(issued_at, at) {
            return Err(qr_refused());
        }
        return Ok(("qr", None, position));
    }
    let Some(l) = presence.location else {
        return Err(DomainError::field(
            "location",
            "请允许定位或扫描服务中心二维码 / share your location or scan the centre's QR code",
        ));
    };
    let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
        return Err(DomainError::WrongState {
            code: "place_without_location",
            detail: "该地点没有登记坐标，请扫描二维码签到 / the place has no coordinates; scan the QR code".into(),
            allowed: vec![],
        });
    };
    let distance = check_geofence(
        GeoPoint { lat, lon },
        place.radius_m,
        GeoPoint {
            lat: l.lat,
            lon: l.lon,
        },
        l.accuracy_m,
    )?;
    Ok(("geofence", Some(distance), position))
}

/// Records a check-in of `person` proven by `presence` at `at` (the server's clock, or an
/// offline phone's); returns its id.
async fn record_check_in(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    person: Uuid,
    presence: &Presence,
    at: DateTime<Utc>,
    client_id: Option<String>,
) -> Result<Uuid> {
    let place = place(conn, presence).await?;
    let (method, distance_m, position) = prove_presence(&place, presence, at)?;
    let new = volunteering::NewCheckIn {
        id: Uuid::now_v7(),
        person_id: person,
        place,
        method,
        client_id,
        at,
        position,
        distance_m,
    };
    volunteering::check_in(conn, &caller.audit, &new).await?;
    Ok(new.id)
}

/// The instant `time` of `day` in China, if there is one.
fn china_instant(day: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    day.and_time(time)
        .and_local_timezone(linli_domain::calendar::china())
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Patterns of the caller's `action` scope, or none.
fn patterns_for(caller: &Caller, action: Action) -> Vec<String> {
    caller
        .scope(action)
        .map(|s| linli_persistence::areas::scope_patterns(&s))
        .unwrap_or_default()
}

/// An activity as a caller sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeenActivity {
    pub activity: Activity,
    /// The caller signed up for it.
    pub mine: bool,
}

/// Patterns of the areas whose activities the caller sees (staff's and volunteers');
/// `Forbidden` for callers who are neither.
fn activity_patterns(caller: &Caller) -> Result<Vec<String>> {
    let mut patterns = patterns_for(caller, Action::ReadVolunteering);
    patterns.extend(patterns_for(caller, Action::Participate));
    if patterns.is_empty() {
        return Err(DomainError::Forbidden.into());
    }
    Ok(patterns)
}

/// The activities the caller signed up for (none for a caller without a person record).
async fn signed_activities(conn: &mut AsyncPgConnection, caller: &Caller) -> Result<Vec<Uuid>> {
    match viewer(conn, caller).await? {
        Some(p) => volunteering::signed_activities(conn, p).await,
        None => Ok(Vec::new()),
    }
}
