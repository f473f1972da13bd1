//! The Open311 GeoReport v2 façade, so existing civic clients and government systems can
//! file and follow complaints. Field names follow the specification exactly; errors use its
//! format (`[{"code": 400, "description": "…"}]`), not problem+json.
//!
//! What every Open311 handler shares: authenticating the `api_key` parameter, the
//! specification's error format, and running use cases with it.

use actix_web::{HttpMessage, HttpRequest, HttpResponse, http::StatusCode, web};
use linli_domain::policy::{Action, ApiScope, Principal};

use crate::{
    auth::{
        Caller,
        principal::{authenticate, client_ip},
    },
    dto::open311::Open311Error,
    error::ApiError,
    request_id::RequestId,
    state::AppState,
};

/// The specification's error response.
pub fn error(status: StatusCode, description: impl Into<String>) -> HttpResponse {
    HttpResponse::build(status).json([Open311Error {
        code: status.as_u16(),
        description: description.into(),
    }])
}

/// Our errors in the specification's form; a field error names its field and what is
/// wrong with it (and a 422 of ours is the specification's 400).
pub fn from_api(e: &ApiError) -> HttpResponse {
    let p = e.problem();
    let status = match p.status {
        422 => StatusCode::BAD_REQUEST,
        s => StatusCode::from_u16(s).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
    };
    let description = match &p.errors {
        Some(errors) if !errors.is_empty() => errors
            .iter()
            .map(|(field, messages)| format!("{field}: {}", messages.join("; ")))
            .collect::<Vec<_>>()
            .join("; "),
        _ => p.detail,
    };
    error(status, description)
}

/// Authenticates the key from the `X-Api-Key` header (preferred: headers stay out of access
/// logs and browser histories) or else the `api_key` parameter the specification names;
/// only keys with the `open311` scope may use it.
pub async fn key_caller(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    api_key: Option<String>,
) -> Result<Caller, HttpResponse> {
    let from_header = req
        .headers()
        .get(crate::auth::api_key::HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let Some(key) = from_header.or(api_key).filter(|k| !k.is_empty()) else {
        return Err(error(StatusCode::UNAUTHORIZED, "api_key is required"));
    };
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
    let caller = authenticate(
        state.clone(),
        None,
        Some(key),
        client_ip(req, &state.settings.trusted_proxies),
        request_id,
    )
    .await
    .map_err(|e| from_api(&e))?;
    let open311 = matches!(&caller.principal, Principal::ApiKey { scopes, .. } if scopes.contains(&ApiScope::Open311));
    if !open311 {
        return Err(error(
            StatusCode::FORBIDDEN,
            "this key lacks the open311 scope",
        ));
    }
    caller
        .scope(Action::ReadComplaints)
        .map_err(|e| from_api(&e.into()))?;
    Ok(caller)
}

/// Runs `work` (use cases) in one transaction and answers with `ok` of its result, or with
/// the failure in the specification's form.
pub async fn answer<T, W>(
    state: &AppState,
    work: W,
    ok: impl FnOnce(T) -> HttpResponse,
) -> HttpResponse
where
    T: Send,
    W: for<'r> FnOnce(
            &'r mut linli_persistence::AsyncPgConnection,
        ) -> futures_util::future::BoxFuture<'r, linli_app::Result<T>>
        + Send,
{
    match linli_app::in_transaction(&state.db, work).await {
        Ok(value) => ok(value),
        Err(e) => from_api(&e.into()),
    }
}
