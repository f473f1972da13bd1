//! Image files for upload tests, made here so no fixture file is needed.

use std::io::Cursor;

/// A real 16×16 JPEG photo.
pub fn jpeg() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(16, 16, |x, y| {
        image::Rgb([(x * 16) as u8, (y * 16) as u8, 128])
    });
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(picture)
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("a JPEG is written");
    out.into_inner()
}

/// The marker of an EXIF segment.
pub const EXIF: &[u8] = b"Exif\0\0";

/// [`jpeg`] as a phone writes it: with an EXIF segment whose GPS block places the photo at
/// 28.19°N 112.97°E (the resident's home).
pub fn jpeg_with_gps() -> Vec<u8> {
    // TIFF, big-endian: IFD0 with one entry (GPSInfo -> the GPS IFD), then the GPS IFD with
    // GPSLatitudeRef "N" and GPSLongitudeRef "E" inline.
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 1]); // one entry
    tiff.extend([0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26]); // GPSInfo, LONG, 1, at 26
    tiff.extend([0, 0, 0, 0]); // no next IFD
    tiff.extend([0, 2]); // two entries
    tiff.extend([0, 1, 0, 2, 0, 0, 0, 2, b'N', 0, 0, 0]); // GPSLatitudeRef "N"
    tiff.extend([0, 3, 0, 2, 0, 0, 0, 2, b'E', 0, 0, 0]); // GPSLongitudeRef "E"
    tiff.extend([0, 0, 0, 0]);
    let mut segment = EXIF.to_vec();
    segment.extend(tiff);
    let length = u16::try_from(segment.len() + 2).expect("a short segment");
    let plain = jpeg();
    let mut with = plain[..2].to_vec(); // SOI
    with.extend([0xFF, 0xE1]);
    with.extend(length.to_be_bytes());
    with.extend(segment);
    with.extend(&plain[2..]);
    with
}

/// A 1×1 PNG whose header claims `width`×`height` pixels (a decompression bomb's opening).
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(image::RgbImage::new(1, 1))
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("a PNG is written");
    let mut png = out.into_inner();
    // IHDR's data starts after the signature (8), its length (4) and type (4).
    png[16..20].copy_from_slice(&width.to_be_bytes());
    png[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&png[12..29]);
    png[29..33].copy_from_slice(&crc.to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                0xedb8_8320 ^ (crc >> 1)
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Whether `bytes` decode as a picture of `width`×`height`.
pub fn is_picture(bytes: &[u8], width: u32, height: u32) -> bool {
    image::load_from_memory(bytes).is_ok_and(|p| p.width() == width && p.height() == height)
}
