//! RFC 9457 problem details: the only error body the API ever sends.

use actix_web::{
    HttpResponse, ResponseError,
    body::BoxBody,
    http::{StatusCode, header},
};
use linli_domain::{DomainError, FieldErrors};
use linli_persistence::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// Media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// URI identifying the problem type (`urn:linli:problem:<code>`).
    #[schema(example = "urn:linli:problem:validation_failed")]
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the problem type (Chinese / English).
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time.
    pub detail: String,
    /// Stable snake_case code clients translate and branch on.
    #[schema(example = "validation_failed")]
    pub code: String,
    /// Field -> messages, for validation failures only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<std::collections::HashMap<String, Vec<String>>>)]
    pub errors: Option<FieldErrors>,
    /// For 409s on workflow objects: the actions the object's state allows now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
    /// For refused file imports: every problem, by row and column; nothing was stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Vec<crate::dto::public_revenue::RowErrorView>>)]
    pub row_errors: Option<Vec<linli_domain::public_revenue::RowError>>,
    /// The request's id (also in the `X-Request-Id` response header); quote it to support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// An error a handler returns; rendered as problem+json.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: String,
    // Boxed: rare, and they would make every `Result<_, ApiError>` large.
    errors: Option<Box<FieldErrors>>,
    allowed: Option<Box<[String]>>,
    row_errors: Option<Box<[linli_domain::public_revenue::RowError]>>,
    headers: Vec<(header::HeaderName, String)>,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.code, self.detail)
    }
}

impl ApiError {
    /// A problem with the given status, code and detail.
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            detail: detail.into(),
            errors: None,
            allowed: None,
            row_errors: None,
            headers: Vec::new(),
        }
    }

    /// Adds a response header (e.g. `Retry-After`, `WWW-Authenticate`).
    pub fn with_header(mut self, name: header::HeaderName, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// 422 with field errors.
    pub fn validation(errors: FieldErrors) -> Self {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "请求中有字段不符合要求 / one or more fields are invalid",
        );
        e.errors = Some(Box::new(errors));
        e
    }

    /// 422 for a file whose rows do not all pass: every problem by row and column.
    pub fn import_invalid(rows: Vec<linli_domain::public_revenue::RowError>) -> Self {
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "import_invalid",
            format!(
                "文件有 {} 处错误，未导入任何数据；请修改后重新上传 / the file has {} problems; nothing was imported",
                rows.len(),
                rows.len()
            ),
        );
        e.row_errors = Some(rows.into_boxed_slice());
        e
    }

    /// 401 for a missing, malformed, expired or revoked credential.
    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, code, detail)
            .with_header(header::WWW_AUTHENTICATE, "Bearer realm=\"linli\"")
    }

    /// 404 for an object that does not exist or lies outside the caller's scope.
    pub fn not_found(what: &str) -> Self {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("未找到该对象 / {what} not found"),
        )
    }

    /// A refusal (403) or an absence (404) reported as `what` not found, so a reader
    /// learns nothing of objects beyond sight; anything else (the database being down)
    /// keeps its meaning.
    pub fn hidden_as(self, what: &str) -> Self {
        match self.status {
            StatusCode::FORBIDDEN | StatusCode::NOT_FOUND => ApiError::not_found(what),
            _ => self,
        }
    }

    /// An absence (404) reported as a field error on `field`; anything else keeps its
    /// meaning.
    pub fn absent_as_field(self, field: &str, message: &str) -> Self {
        match self.status {
            StatusCode::NOT_FOUND => DomainError::field(field, message).into(),
            _ => self,
        }
    }

    /// 400 for a request the server cannot read.
    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, code, detail)
    }

    /// 500; the cause is logged here and never sent.
    pub fn internal(cause: &dyn std::fmt::Display) -> Self {
        log::error!("internal error: {cause}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            "服务器内部错误，请稍后重试 / an internal error occurred; please try again later",
        )
    }

    /// 503 with `Retry-After`.
    pub fn unavailable(cause: &dyn std::fmt::Display) -> Self {
        log::warn!("service unavailable: {cause}");
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "服务暂时不可用，请稍后重试 / the service is temporarily unavailable; please retry",
        )
        .with_header(header::RETRY_AFTER, "2")
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        Problem {
            problem_type: format!("urn:linli:problem:{}", self.code),
            title: title_for(self.status).to_owned(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            code: self.code.to_owned(),
            errors: self.errors.as_deref().cloned(),
            allowed: self.allowed.as_deref().map(<[String]>::to_vec),
            row_errors: self.row_errors.as_deref().map(<[_]>::to_vec),
            request_id: None,
        }
    }
}

/// The bilingual title of each status the API uses.
pub fn title_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "请求无法解析 / Bad request",
        401 => "未登录或登录已失效 / Unauthorized",
        403 => "无权执行此操作 / Forbidden",
        404 => "未找到 / Not found",
        405 => "不支持的请求方法 / Method not allowed",
        409 => "与当前状态冲突 / Conflict",
        412 => "数据已被他人修改 / Precondition failed",
        413 => "请求内容过大 / Payload too large",
        415 => "不支持的内容类型 / Unsupported media type",
        422 => "请求参数有误 / Validation failed",
        428 => "缺少 If-Match 请求头 / Precondition required",
        429 => "请求过于频繁 / Too many requests",
        503 => "服务暂时不可用 / Service unavailable",
        500..=599 => "服务器内部错误 / Internal server error",
        _ => "请求失败 / Request failed",
    }
}

/// The stable code of a bare status, for errors raised outside our handlers.
pub fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "route_not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        412 => "precondition_failed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        428 => "precondition_required",
        429 => "too_many_requests",
        503 => "service_unavailable",
        _ => "internal_error",
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut builder = HttpResponse::build(self.status);
        builder.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        for (name, value) in &self.headers {
            builder.insert_header((name.clone(), value.clone()));
        }
        builder.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Validation(errors) => ApiError::validation(errors),
            DomainError::NotFound(what) => ApiError::not_found(what),
            DomainError::Forbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "您的角色无权执行此操作 / your role does not allow this action",
            ),
            DomainError::Refused { code, detail } => {
                ApiError::new(StatusCode::FORBIDDEN, code, detail)
            }
            // `what` names a database constraint: logged for the operator, never sent.
            DomainError::Conflict(what) => {
                log::info!("conflict with existing data: {what}");
                ApiError::new(
                    StatusCode::CONFLICT,
                    "conflict",
                    "与现有数据冲突 / conflicts with existing data",
                )
            }
            DomainError::WrongState { code, detail, allowed } => {
                let mut e = ApiError::new(StatusCode::CONFLICT, code, detail);
                e.allowed = Some(allowed.into_boxed_slice());
                e
            }
            DomainError::IdempotencyInFlight => ApiError::new(
                StatusCode::CONFLICT,
                "idempotency_in_flight",
                "相同 Idempotency-Key 的请求仍在处理中，请稍后重试 / a request with this Idempotency-Key is still in progress; retry shortly",
            )
            .with_header(header::RETRY_AFTER, "1"),
            DomainError::IdempotencyMismatch => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "该 Idempotency-Key 已用于另一个不同的请求 / this Idempotency-Key was used with a different request",
            ),
            DomainError::StaleVersion => ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "数据已被他人修改，请刷新后重试 / the object changed since you read it; reload and retry",
            ),
            DomainError::Unauthenticated { code, detail } => ApiError::unauthorized(code, detail),
            DomainError::TooManyAttempts {
                code,
                detail,
                retry_after_secs,
            } => ApiError::new(StatusCode::TOO_MANY_REQUESTS, code, detail)
                .with_header(header::RETRY_AFTER, retry_after_secs.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => d.into(),
            StoreError::Unavailable(_) | StoreError::Timeout => ApiError::unavailable(&e),
            StoreError::Query(_) | StoreError::Internal(_) => ApiError::internal(&e),
        }
    }
}

/// A shorthand for handler results.
pub type ApiResult<T> = Result<T, ApiError>;
