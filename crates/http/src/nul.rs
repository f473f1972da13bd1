//! The NUL character (U+0000) never reaches the database: PostgreSQL refuses it in `text`
//! and `jsonb`, so a NUL in a query parameter, a path segment or a JSON string would
//! otherwise end as a 500 from deep inside a query. One rule, checked where input enters:
//! the URI (this middleware) and JSON bodies (`extract::parse_json`, via [`json_field`]).

use actix_web::{
    Error, ResponseError,
    body::{EitherBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    middleware::Next,
};

use crate::error::ApiError;

/// The message for a field that holds a NUL.
pub const MESSAGE: &str =
    "不得包含 NUL 字符（\\u0000）/ must not contain the NUL character (\\u0000)";

/// Refuses requests whose path or query carries a percent-encoded NUL (`%00`); a raw NUL
/// cannot appear in a request line at all. A path segment with one names nothing (404),
/// a query with one is unreadable (400 `invalid_query`).
pub async fn reject_in_uri<B: MessageBody>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    let refusal = if has_encoded_nul(req.uri().path()) {
        Some(ApiError::not_found("resource"))
    } else if req.uri().query().is_some_and(has_encoded_nul) {
        Some(ApiError::bad_request(
            "invalid_query",
            format!("查询参数有误 / invalid query parameter: {MESSAGE}"),
        ))
    } else {
        None
    };
    match refusal {
        // Answered as a response, not an `Err`, so the error handlers around this
        // middleware render it like any other problem (request id, Open311 format).
        Some(e) => Ok(req.into_response(e.error_response()).map_into_right_body()),
        None => Ok(next.call(req).await?.map_into_left_body()),
    }
}

fn has_encoded_nul(raw: &str) -> bool {
    raw.as_bytes().windows(3).any(|w| w == b"%00")
}

/// The path of the first JSON string (or object key) holding a NUL, `body` for the
/// document itself. JSON can carry a NUL only as the escape `\u0000`, so a scan of the
/// raw bytes rules out almost every body before anything is parsed again.
pub fn json_field(bytes: &[u8]) -> Option<String> {
    if !has_nul_escape(bytes) {
        return None;
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let mut path = String::new();
    find(&value, &mut path).then(|| {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path
        }
    })
}

/// Whether the raw JSON holds `\u0000` as an escape (an odd run of backslashes before the
/// `u`), not as the literal text `\\u0000`.
fn has_nul_escape(bytes: &[u8]) -> bool {
    let mut backslashes = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\\' {
            backslashes += 1;
            continue;
        }
        if b == b'u' && backslashes % 2 == 1 && bytes.get(i + 1..i + 5) == Some(b"0000") {
            return true;
        }
        backslashes = 0;
    }
    false
}

/// Walks the document, leaving in `path` the field path (`items[2].name`) of the first
/// string or key that holds a NUL.
fn find(value: &serde_json::Value, path: &mut String) -> bool {
    match value {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = find(item, path);
            if !found {
                path.truncate(len);
            }
            found
        }),
        serde_json::Value::Object(map) => map.iter().any(|(key, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            let found = key.contains('\0') || find(item, path);
            if !found {
                path.truncate(len);
            }
            found
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_with_an_escaped_nul_and_only_that() {
        assert_eq!(
            json_field(br#"{"a": "x", "items": [{"name": "ok"}, {"name": "b\u0000"}]}"#),
            Some("items[1].name".to_owned())
        );
        assert_eq!(json_field(br#""\u0000""#), Some("body".to_owned()));
        // An escaped backslash followed by `u0000` is the literal text, not a NUL.
        assert_eq!(json_field(br#"{"a": "\\u0000"}"#), None);
        assert_eq!(json_field(br#"{"a": "\\\u0000"}"#), Some("a".to_owned()));
        assert_eq!(json_field(br#"{"a": "plain"}"#), None);
    }

    #[test]
    fn spots_percent_encoded_nul() {
        assert!(has_encoded_nul("name=a%00b"));
        assert!(!has_encoded_nul("name=a%200b"));
    }
}
