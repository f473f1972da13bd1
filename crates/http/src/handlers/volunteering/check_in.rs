use actix_web::{HttpResponse, post, web};
use chrono::Utc;
use linli_persistence::volunteering::{self, NewCheckIn};
use uuid::Uuid;

use super::{participant, place, prove_presence};
use crate::{
    auth::Caller,
    dto::volunteering::{CheckInInput, CheckInView},
    error::{ApiResult, Problem},
    extract::ValidJson,
    handlers::tags,
    state::AppState,
};

/// Check in at an activity or a centre from a phone: inside the place's geofence (the
/// phone's position and accuracy; the distance is computed here and given in the refusal,
/// 409 `outside_geofence`) or with the centre's current QR code (`qr_token`, valid for about a
/// minute: 409 `qr_invalid` otherwise). One open check-in per person (409
/// `already_checked_in`, also when two arrive at once).
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), request_body = CheckInInput, responses(
    (status = 201, body = CheckInView),
    (status = 403, body = Problem, content_type = "application/problem+json"),
    (status = 409, body = Problem, content_type = "application/problem+json"),
    (status = 422, body = Problem, content_type = "application/problem+json"),
))]
#[post("/check-ins")]
pub async fn check_in(
    state: web::Data<AppState>,
    caller: Caller,
    ValidJson(body): ValidJson<CheckInInput>,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let person = participant(&mut conn, &caller).await?;
    let place = place(
        &state,
        &mut conn,
        body.activity_id,
        body.centre_id,
        body.qr_token.as_deref(),
    )
    .await?;
    let now = Utc::now();
    let (method, distance_m, position) =
        prove_presence(&state, &place, body.location, body.qr_token.as_deref(), now)?;
    let new = NewCheckIn {
        id: Uuid::now_v7(),
        person_id: person,
        place,
        method,
        client_id: None,
        at: now,
        position,
        distance_m,
    };
    volunteering::check_in(&mut conn, &caller.audit, &new).await?;
    let c = volunteering::find_check_in(&mut conn, &[], Some(person), new.id).await?;
    Ok(HttpResponse::Created().json(CheckInView::from(c)))
}
