//! Uploaded media: what is accepted, judged by the bytes themselves.

/// The largest photo accepted.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;

/// The image type of `bytes` from their signature, ignoring any name or declared type a
/// client gives (a renamed script or executable is refused).
pub fn detect_image(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// A file name safe to show and to put in a `Content-Disposition` header: the last path
/// segment, without control or quoting characters, at most 120 characters.
pub fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '\\' | ';'))
        .take(120)
        .collect();
    if cleaned.trim().is_empty() {
        "photo".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_bytes() {
        assert_eq!(
            detect_image(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Some("image/jpeg")
        );
        assert_eq!(detect_image(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(detect_image(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(detect_image(b"<script>alert(1)</script>"), None);
        assert_eq!(detect_image(b"MZ\x90\0"), None);
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\photos\\楼道.jpg"), "楼道.jpg");
        assert_eq!(clean_file_name("a\"b;c.png"), "abc.png");
        assert_eq!(clean_file_name(""), "photo");
    }
}
