//! Raw uploads (photos, vouchers, CSV files): reading a size-limited body and keeping the
//! file under the upload directory.

use std::path::PathBuf;

use actix_web::{http::StatusCode, web};
use futures_util::StreamExt;
use linli_domain::{
    media::{MAX_PHOTO_BYTES, detect_image},
    public_revenue::voucher_type,
};

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

/// A photo from the request body: at most [`MAX_PHOTO_BYTES`], a JPEG, PNG or WebP image by
/// its bytes (415 otherwise), at most [`MAX_PHOTO_SIDE`] pixels a side and
/// [`MAX_PHOTO_PIXELS`] in all (422 `image_too_large`: a small file can unpack into gigabytes).
/// What is kept is the picture written anew ([`rewrite_photo`]): no camera metadata, no GPS
/// position of the resident's home. Returns the new bytes and their type.
pub async fn read_photo(payload: &mut web::Payload) -> ApiResult<(Vec<u8>, &'static str)> {
    let bytes = read_body(
        payload,
        MAX_PHOTO_BYTES,
        "照片不能超过 5 MB / photos are limited to 5 MB",
    )
    .await?;
    detect_image(&bytes).ok_or_else(not_an_image)?;
    rewritten(bytes).await
}

fn not_an_image() -> ApiError {
    unsupported("只接受 JPEG、PNG 或 WebP 图片 / only JPEG, PNG or WebP images are accepted")
}

/// A voucher from the request body: at most 5 MB; a scan (JPEG, PNG or WebP, written anew
/// as [`read_photo`] does) or a plain PDF ([`voucher_type`]); 415 otherwise.
pub async fn read_voucher(payload: &mut web::Payload) -> ApiResult<(Vec<u8>, &'static str)> {
    let too_big = "凭证文件不能超过 5 MB / vouchers are limited to 5 MB";
    let bytes = read_body(payload, MAX_PHOTO_BYTES, too_big).await?;
    match voucher_type(&bytes) {
        Some("application/pdf") => Ok((bytes, "application/pdf")),
        Some(_) => rewritten(bytes).await,
        None => Err(unsupported(
            "只接受 JPEG、PNG、WebP 图片或不含脚本的 PDF / only JPEG, PNG or WebP images or PDF files without scripts are accepted",
        )),
    }
}

/// [`rewrite_photo`] off the async workers, its refusals as answers.
async fn rewritten(bytes: Vec<u8>) -> ApiResult<(Vec<u8>, &'static str)> {
    match web::block(move || rewrite_photo(&bytes))
        .await
        .map_err(|e| ApiError::internal(&e))?
    {
        Ok(photo) => Ok(photo),
        Err(PhotoRefused::TooLarge) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_too_large",
            "图片尺寸过大（每边最多 8000 像素，共 4000 万像素）/ the image is too large (at most 8000 pixels a side, 40 megapixels in all)",
        )),
        Err(PhotoRefused::Unreadable) => Err(not_an_image()),
    }
}

/// The longest side a photo may have, in pixels.
pub const MAX_PHOTO_SIDE: u32 = 8000;
/// The most pixels a photo may have.
pub const MAX_PHOTO_PIXELS: u64 = 40_000_000;

/// Why a photo is not kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoRefused {
    /// Larger than [`MAX_PHOTO_SIDE`] or [`MAX_PHOTO_PIXELS`].
    TooLarge,
    /// Not an image this reads, or a broken one.
    Unreadable,
}

/// Decodes `bytes` (within the size limits, turned upright as the camera recorded) and
/// writes the pixels anew: JPEG (quality 85), or PNG when the picture has transparency.
/// Nothing of the original file but its pixels survives — no EXIF, GPS, maker notes or
/// comments.
pub fn rewrite_photo(bytes: &[u8]) -> Result<(Vec<u8>, &'static str), PhotoRefused> {
    use image::{ImageDecoder, ImageReader, Limits, metadata::Orientation};
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoRefused::Unreadable)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(MAX_PHOTO_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PHOTO_PIXELS {
        return Err(PhotoRefused::TooLarge);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut picture = image::DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    let mut out = std::io::Cursor::new(Vec::new());
    if picture.color().has_alpha() {
        picture
            .write_to(&mut out, image::ImageFormat::Png)
            .map_err(|_| PhotoRefused::Unreadable)?;
        Ok((out.into_inner(), "image/png"))
    } else {
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
            .encode_image(&picture.to_rgb8())
            .map_err(|_| PhotoRefused::Unreadable)?;
        Ok((out.into_inner(), "image/jpeg"))
    }
}

fn refusal(e: image::ImageError) -> PhotoRefused {
    match e {
        image::ImageError::Limits(_) => PhotoRefused::TooLarge,
        _ => PhotoRefused::Unreadable,
    }
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
