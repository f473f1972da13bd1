use actix_web::{HttpResponse, get, http::header, web};
use chrono::Duration;
use linli_domain::{policy::Action, volunteering::QR_TTL_SECONDS};
use linli_persistence::{areas::scope_patterns, registry::centres};
use uuid::Uuid;

use crate::{
    auth::Caller, dto::volunteering::QrCodeView, error::ApiResult, handlers::tags, state::AppState,
};

/// The current check-in QR code of a centre, for the screen at its door: a server-signed
/// token valid for a minute. The screen fetches a new one every 30 seconds.
#[utoipa::path(tag = tags::VOLUNTEERING, security(("bearer" = [])), params(("id" = Uuid, Path, description = "Centre id")), responses(
    (status = 200, description = "The check-in QR code", body = QrCodeView),
))]
#[get("/centres/{id}/qr")]
pub async fn centre_qr(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let patterns = scope_patterns(&caller.scope(Action::ManageVolunteering)?);
    let mut conn = state.db.conn().await?;
    let centre = centres::find_visible(&mut conn, &patterns, id.into_inner()).await?;
    let now = state.clock().now();
    let token = super::qr(&state).issue(centre.id, now);
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(QrCodeView {
            centre_id: centre.id,
            centre_name: centre.name,
            token,
            issued_at: now,
            expires_at: now + Duration::seconds(QR_TTL_SECONDS),
            refresh_in_seconds: QR_TTL_SECONDS / 2,
        }))
}
