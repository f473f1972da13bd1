//! Raw uploads (photos, vouchers, CSV files): reading a size-limited body and keeping the
//! file under the upload directory.

use std::path::PathBuf;

use actix_web::{http::StatusCode, web};
use futures_util::StreamExt;
use linli_domain::media::{MAX_PHOTO_BYTES, detect_image};

use crate::error::{ApiError, ApiResult};

/// Reads the whole body, refusing with 413 and `too_large` as soon as it passes `limit`.
pub async fn read_body(
    payload: &mut web::Payload,
    limit: usize,
    too_large: &'static str,
) -> ApiResult<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            ApiError::bad_request(
                "malformed_body",
                "无法读取上传内容 / the upload could not be read",
            )
        })?;
        if bytes.len() + chunk.len() > limit {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                too_large,
            ));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// 415 for a file of a type the endpoint does not take.
pub fn unsupported(detail: &'static str) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        detail,
    )
}

/// A photo from the request body: at most [`MAX_PHOTO_BYTES`], and a JPEG, PNG or WebP image
/// by its bytes (415 otherwise). Returns the bytes and their type.
pub async fn read_photo(payload: &mut web::Payload) -> ApiResult<(Vec<u8>, &'static str)> {
    let bytes = read_body(
        payload,
        MAX_PHOTO_BYTES,
        "照片不能超过 5 MB / photos are limited to 5 MB",
    )
    .await?;
    let content_type = detect_image(&bytes).ok_or_else(|| {
        unsupported("只接受 JPEG、PNG 或 WebP 图片 / only JPEG, PNG or WebP images are accepted")
    })?;
    Ok((bytes, content_type))
}

/// Writes `bytes` to `relative` under `upload_dir`, creating directories as needed, off the
/// async workers.
pub async fn store(upload_dir: PathBuf, relative: &str, bytes: Vec<u8>) -> ApiResult<()> {
    let path = upload_dir.join(relative);
    let dir = path
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or(upload_dir);
    web::block(move || -> std::io::Result<()> {
        std::fs::create_dir_all(&dir)?;
        std::fs::write(&path, &bytes)
    })
    .await
    .map_err(|e| ApiError::internal(&e))?
    .map_err(|e| ApiError::internal(&e))
}
