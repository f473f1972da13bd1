use actix_web::{HttpResponse, http::header, post, web};
use linli_domain::{
    DomainError,
    complaint::Status,
    media::{MAX_PHOTO_BYTES, clean_file_name, detect_image},
};
use linli_persistence::complaints::{self, NewAttachment};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{detail, visible};
use crate::{
    auth::Caller,
    dto::complaint::ComplaintDetail,
    error::{ApiResult, Problem},
    extract::etag,
    handlers::tags,
    state::AppState,
    upload,
};

/// Where the photo belongs.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// `report` (complainant or dispatcher: what is wrong) or `result` (handler: what was done).
    pub purpose: Option<String>,
    /// The file's name, for display.
    #[param(max_length = 120)]
    pub name: Option<String>,
}

/// Add a photo to a complaint: the raw image as the request body (JPEG, PNG or WebP, at
/// most 5 MiB). The type is read from the bytes, not from the name or `Content-Type`; a
/// file that is not an image is refused with 415.
#[utoipa::path(tag = tags::COMPLAINTS, security(("bearer" = [])), params(("id" = Uuid, Path), UploadQuery),
    request_body(content(("image/jpeg"), ("image/png"), ("image/webp")), description = "The image bytes (the type is read from them)"),
    responses(
    (status = 201, description = "Created: the complaint in full; `ETag` carries its version", body = ComplaintDetail, headers(("ETag" = String))),
    (status = 409, description = "The complaint is closed", body = Problem, content_type = "application/problem+json"),
    (status = 415, description = "Not a JPEG, PNG or WebP image", body = Problem, content_type = "application/problem+json"),
))]
#[post("/complaints/{id}/attachments")]
pub async fn upload_attachment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<UploadQuery>,
    mut payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (c, st) = visible(&mut conn, &caller, id.into_inner()).await?;
    let purpose = match query.purpose.as_deref().unwrap_or("report") {
        "report" if st.complainant || st.dispatcher => "report",
        "result" if st.handler => "result",
        "report" | "result" => return Err(DomainError::Forbidden.into()),
        _ => {
            return Err(DomainError::field(
                "purpose",
                "须为 report 或 result / must be report or result",
            )
            .into());
        }
    };
    if !c.status().is_open() || c.status() == Status::Closed {
        return Err(DomainError::WrongState {
            code: "complaint_closed",
            detail: "诉求已关闭，不能再上传照片 / the complaint is closed".into(),
            allowed: vec![],
        }
        .into());
    }
    drop(conn);
    let bytes = upload::read_body(
        &mut payload,
        MAX_PHOTO_BYTES,
        "照片不能超过 5 MB / photos are limited to 5 MB",
    )
    .await?;
    let content_type = detect_image(&bytes).ok_or_else(|| {
        upload::unsupported(
            "只接受 JPEG、PNG 或 WebP 图片 / only JPEG, PNG or WebP images are accepted",
        )
    })?;
    let attachment_id = Uuid::now_v7();
    let relative = format!("complaints/{}/{attachment_id}", c.id);
    let size = bytes.len();
    let digest = Sha256::digest(&bytes).to_vec();
    upload::store(state.settings.upload_dir.clone(), &relative, bytes).await?;
    let new = NewAttachment {
        id: attachment_id,
        purpose,
        content_type,
        size_bytes: i32::try_from(size).unwrap_or(i32::MAX),
        sha256: digest,
        file_name: clean_file_name(query.name.as_deref().unwrap_or("photo")),
        stored_path: relative,
    };
    let mut conn = state.db.conn().await?;
    complaints::add_attachment(&mut conn, &caller.audit, &c, &new).await?;
    let (c, st) = visible(&mut conn, &caller, c.id).await?;
    let version = c.version;
    let body = detail(&mut conn, &caller, c, st).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::ETAG, etag(version)))
        .json(body))
}
