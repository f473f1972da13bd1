use crate::handlers::prelude::*;
use actix_web::http::header;
use chrono::Duration;
use linli_app::volunteering;
use linli_domain::volunteering::QR_TTL_SECONDS;

use crate::dto::volunteering::QrCodeView;

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
    let id = id.into_inner();
    let centre = in_transaction(
        &state.db,
        with_tx!(|tx| volunteering::centre_qr(tx, &caller, id.into()).await),
    )
    .await?;
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
