use crate::handlers::prelude::*;
use actix_web::http::header;
use linli_app::complaints;

use crate::error::ApiError;

/// A complaint's photo, to those who may see the complaint (never cached by shared caches).
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), params(("id" = Uuid, Path), ("attachment_id" = Uuid, Path)), responses(
    (status = 200, description = "The image", content_type = "image/jpeg"),
))]
#[get("/complaints/{id}/attachments/{attachment_id}")]
pub async fn get_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, attachment_id) = path.into_inner();
    let a = in_transaction(
        &state.db,
        with_tx!(
            |tx| complaints::find_attachment(tx, &caller, id.into(), attachment_id.into()).await
        ),
    )
    .await?;
    let file = state.settings.upload_dir.join(&a.stored_path);
    let bytes = web::block(move || std::fs::read(file))
        .await
        .map_err(|e| ApiError::internal(&e))?
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => ApiError::not_found("attachment"),
            _ => ApiError::internal(&e),
        })?;
    Ok(HttpResponse::Ok()
        .content_type(a.content_type)
        .insert_header((header::CACHE_CONTROL, "private, max-age=3600"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!(
                "inline; filename=\"{}\"",
                a.file_name
                    .replace(|c: char| !c.is_ascii_alphanumeric() && c != '.', "_")
            ),
        ))
        .body(bytes))
}
