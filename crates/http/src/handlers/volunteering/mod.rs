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

use chrono::{DateTime, Utc};
use linli_domain::{
    DomainError,
    geo::GeoPoint,
    policy::{Action, Principal},
    volunteering::{check_geofence, qr_refused, qr_valid},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    volunteering::{self, Place},
};
use uuid::Uuid;

use crate::{
    auth::Caller,
    dto::volunteering::Position,
    error::{ApiError, ApiResult},
    qr::QrSigner,
    state::AppState,
};

/// The person a participating volunteer acts as. 403 for callers who do not participate,
/// or whose account is not linked to a person record.
async fn participant(conn: &mut AsyncPgConnection, caller: &Caller) -> ApiResult<Uuid> {
    caller.scope(Action::Participate)?;
    viewer(conn, caller).await?.ok_or_else(|| {
        ApiError::new(
            actix_web::http::StatusCode::FORBIDDEN,
            "no_person_record",
            "您的账号尚未关联人员档案，请联系社区工作人员 / your account is not linked to a person record; ask your community",
        )
    })
}

/// The person record of a signed-in user, if linked.
async fn viewer(conn: &mut AsyncPgConnection, caller: &Caller) -> ApiResult<Option<Uuid>> {
    Ok(match &caller.principal {
        Principal::User { user_id, .. } => volunteering::person_of_user(conn, *user_id).await?,
        Principal::ApiKey { .. } => None,
    })
}

/// Patterns of the caller's `action` scope, or none.
fn patterns_for(caller: &Caller, action: Action) -> Vec<String> {
    caller
        .scope(action)
        .map(|s| scope_patterns(&s))
        .unwrap_or_default()
}

/// Where a check-in happens: the activity, the centre, or — with neither — the centre the
/// QR code names (a phone that scanned the code at the door knows nothing else).
async fn place(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    activity_id: Option<Uuid>,
    centre_id: Option<Uuid>,
    qr_token: Option<&str>,
) -> ApiResult<Place> {
    let centre_id = centre_id.or_else(|| {
        activity_id
            .is_none()
            .then(|| qr_token.and_then(|t| QrSigner::new(&state.settings.auth.jwt_secret).open(t)))
            .flatten()
            .map(|(centre, _)| centre)
    });
    match (activity_id, centre_id) {
        (Some(a), _) => {
            let p = volunteering::activity_place(conn, a).await.map_err(|e| {
                linli_app::not_found_as_field(e, "activity_id", "没有这个活动 / no such activity")
            })?;
            if p.activity_status.as_deref() == Some("cancelled") {
                return Err(DomainError::WrongState {
                    code: "activity_cancelled",
                    detail: "活动已取消 / the activity was cancelled".into(),
                    allowed: vec![],
                }
                .into());
            }
            Ok(p)
        }
        (None, Some(c)) => Ok(volunteering::centre_place(conn, c).await.map_err(|e| {
            linli_app::not_found_as_field(e, "centre_id", "没有这个服务中心 / no such centre")
        })?),
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
    state: &AppState,
    place: &Place,
    location: Option<Position>,
    qr_token: Option<&str>,
    at: DateTime<Utc>,
) -> ApiResult<Proof> {
    if let (Some(starts), Some(ends)) = (place.starts_at, place.ends_at) {
        linli_domain::volunteering::check_activity_open(starts, ends, at)?;
    }
    if let Some(token) = qr_token {
        let signer = QrSigner::new(&state.settings.auth.jwt_secret);
        let (centre, issued) = signer.open(token).ok_or_else(qr_refused)?;
        if Some(centre) != place.centre_id || !qr_valid(issued, at) {
            return Err(qr_refused().into());
        }
        return Ok(("qr", None, location.map(|l| (l.lat, l.lon, l.accuracy_m))));
    }
    let Some(l) = location else {
        return Err(DomainError::field(
            "location",
            "请允许定位或扫描服务中心二维码 / share your location or scan the centre's QR code",
        )
        .into());
    };
    let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
        return Err(DomainError::WrongState {
            code: "place_without_location",
            detail: "该地点没有登记坐标，请扫描二维码签到 / the place has no coordinates; scan the QR code".into(),
            allowed: vec![],
        }
        .into());
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
    Ok((
        "geofence",
        Some(distance),
        Some((l.lat, l.lon, l.accuracy_m)),
    ))
}
