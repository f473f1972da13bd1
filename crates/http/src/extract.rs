//! Request extractors shared by handlers: JSON bodies with field-level errors, and the
//! `If-Match` precondition.

use std::{future::Future, pin::Pin};

use actix_web::{
    FromRequest, HttpRequest,
    dev::Payload,
    http::{StatusCode, header},
    web,
};
use linli_domain::FieldErrors;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body. Syntax errors answer 400 `malformed_json`; JSON of the wrong shape answers
/// 422 `validation_failed` naming the field; bodies over the limit answer 413.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = json_body::<T>(req, payload);
        Box::pin(async move { body.await.map(|(value, _)| ValidJson(value)) })
    }
}

/// Reads and parses a JSON body, returning the value and the raw bytes.
pub fn json_body<T: DeserializeOwned + 'static>(
    req: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<(T, web::Bytes), ApiError>> + 'static {
    let content_type_ok = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            let essence = v
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            essence == "application/json" || essence.ends_with("+json")
        })
        .unwrap_or(false);
    let bytes = web::Bytes::from_request(req, payload);
    async move {
        if !content_type_ok {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "请求体须为 JSON（Content-Type: application/json）/ the body must be JSON (Content-Type: application/json)",
            ));
        }
        let bytes = bytes.await.map_err(|e| {
            if e.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    "请求内容超过大小上限 / the request body is larger than allowed",
                )
            } else {
                ApiError::bad_request(
                    "malformed_json",
                    "无法读取请求体 / the request body could not be read",
                )
            }
        })?;
        let value = parse_json(&bytes)?;
        Ok((value, bytes))
    }
}

/// Parses JSON, sorting syntax errors (400) from shape errors (422 with the field path).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let malformed = |e: &serde_json::Error| {
        ApiError::bad_request(
            "malformed_json",
            format!("请求体不是合法的 JSON / the body is not valid JSON: {e}"),
        )
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        if inner.is_data() {
            let field = if path == "." { "body".to_owned() } else { path };
            let mut errors = FieldErrors::new();
            errors.insert(field, vec![describe_data_error(&inner)]);
            ApiError::validation(errors)
        } else {
            malformed(&inner)
        }
    })?;
    de.end().map_err(|e| malformed(&e))?;
    if let Some(field) = crate::nul::json_field(bytes) {
        let mut errors = FieldErrors::new();
        errors.insert(field, vec![crate::nul::MESSAGE.to_owned()]);
        return Err(ApiError::validation(errors));
    }
    Ok(value)
}

fn describe_data_error(e: &serde_json::Error) -> String {
    // serde's message names the expected type or the allowed variants, which is what a
    // client needs; strip the position suffix that only makes sense for the raw text.
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// The entity tag of a versioned object.
pub fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

/// The version a client read, from a required `If-Match` header.
///
/// Missing header: 428. Unparseable or `*`: 412 (we never update blindly).
#[derive(Debug, Clone, Copy)]
pub struct IfMatch(pub i64);

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_if_match(req.headers().get(header::IF_MATCH)))
    }
}

fn parse_if_match(value: Option<&header::HeaderValue>) -> Result<IfMatch, ApiError> {
    let Some(value) = value else {
        return Err(ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "precondition_required",
            "更新须带 If-Match 请求头（取自读取时的 ETag）/ updates need an If-Match header with the ETag you read",
        ));
    };
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/"))
        .and_then(|v| v.strip_prefix("\"v"))
        .and_then(|v| v.strip_suffix('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .map(IfMatch)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "If-Match 与当前版本不符 / If-Match does not match the current version",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[expect(dead_code, reason = "only the parse result matters")]
    struct Body {
        name: String,
        count: i32,
    }

    #[test]
    fn syntax_errors_are_400_and_shape_errors_are_422_with_the_field() {
        let err = parse_json::<Body>(b"{\"name\": ").err().map(|e| e.code());
        assert_eq!(err, Some("malformed_json"));
        let err = parse_json::<Body>(br#"{"name": "a", "count": "x"}"#).err();
        let problem = err.map(|e| e.problem());
        let errors = problem.and_then(|p| p.errors).unwrap_or_default();
        assert!(errors.contains_key("count"), "{errors:?}");
    }

    #[test]
    fn if_match_needs_our_tag() {
        assert!(matches!(
            parse_if_match(Some(&header::HeaderValue::from_static("\"v3\""))),
            Ok(IfMatch(3))
        ));
        assert!(matches!(
            parse_if_match(Some(&header::HeaderValue::from_static("W/\"v3\""))),
            Ok(IfMatch(3))
        ));
        assert_eq!(
            parse_if_match(None).err().map(|e| e.code()),
            Some("precondition_required")
        );
        assert_eq!(
            parse_if_match(Some(&header::HeaderValue::from_static("*")))
                .err()
                .map(|e| e.code()),
            Some("precondition_failed")
        );
    }
}
