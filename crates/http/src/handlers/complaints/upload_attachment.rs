use crate::handlers::prelude::*;
use linli_app::complaints;

use super::in_full;
use crate::{
    dto::complaint::{ComplaintDetail, UploadQuery},
    upload,
};

/// Add a photo to a complaint: the raw image as the request body (JPEG, PNG or WebP, at
/// most 5 MiB, 8000 pixels a side and 40 megapixels). The type is read from the bytes, not
/// from the name or `Content-Type`; a file that is not an image is refused with 415. The
/// picture is kept written anew (JPEG, or PNG where it has transparency, turned upright):
/// nothing of the camera's metadata — the GPS position of a resident's home above all —
/// is kept.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), params(("id" = Uuid, Path), UploadQuery),
    request_body(content(("image/jpeg"), ("image/png"), ("image/webp")), description = "The image bytes (the type is read from them)"),
    responses(
    (status = 201, description = "Created: the complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "The complaint is closed", body = Problem, content_type = "application/problem+json"),
    (status = 415, description = "Not a JPEG, PNG or WebP image", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`image_too_large`: more than 8000 pixels a side or 40 megapixels", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/attachments")]
pub async fn upload_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<UploadQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let (id, UploadQuery { purpose, name }) = (id.into_inner(), query.into_inner());
    let asker = caller.clone();
    // Asked before the bytes are read; no connection is held while they arrive.
    let slot = in_transaction(
        &state.db,
        with_tx!(|tx| complaints::photo_slot(tx, &asker, id.into(), purpose.as_deref()).await),
    )
    .await?;
    let (bytes, content_type) = upload::read_photo(&mut payload).await?;
    let command = complaints::AddAttachment::of(slot.clone(), content_type, &bytes, name);
    upload::store(state.settings.upload_dir.clone(), &slot.stored_path, bytes).await?;
    let full = in_transaction(
        &state.db,
        with_tx!(|tx| {
            let seen = complaints::add_attachment(tx, &caller, command).await?;
            complaints::in_full(tx, &caller, seen).await
        }),
    )
    .await?;
    in_full(StatusCode::CREATED, full)
}
