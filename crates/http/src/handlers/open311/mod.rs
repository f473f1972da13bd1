//! The Open311 GeoReport v2 façade, so existing civic clients and government systems can
//! file and follow complaints. Field names follow the specification exactly; errors use its
//! format (`[{"code": 400, "description": "…"}]`), not problem+json.

pub mod create_request;
pub mod discovery;
pub mod get_request;
pub mod get_token;
pub mod list_requests;
pub mod service_definition;
pub mod services;

use actix_web::{HttpMessage, HttpRequest, HttpResponse, http::StatusCode, web};
use chrono::{DateTime, Utc};
use linli_domain::{
    complaint::Status,
    policy::{Action, Principal},
};
use linli_persistence::complaints::Complaint;
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::{
        Caller,
        principal::{authenticate, client_ip},
    },
    error::ApiError,
    request_id::RequestId,
    state::AppState,
};

/// An Open311 error.
#[derive(Debug, Serialize, ToSchema)]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
}

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

/// Authenticates the `api_key` parameter; only keys with the `open311` scope may use it.
pub async fn key_caller(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    api_key: Option<String>,
) -> Result<Caller, HttpResponse> {
    let Some(key) = api_key.filter(|k| !k.is_empty()) else {
        return Err(error(StatusCode::UNAUTHORIZED, "api_key is required"));
    };
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
    let caller = authenticate(
        state.clone(),
        None,
        Some(key),
        client_ip(req, state.settings.trust_proxy),
        request_id,
    )
    .await
    .map_err(|e| from_api(&e))?;
    let open311 = matches!(&caller.principal, Principal::ApiKey { scopes, .. } if scopes.contains(&linli_domain::policy::ApiScope::Open311));
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

/// A service request as the specification shapes it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceRequest {
    pub service_request_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// The fine-grained state and the latest note.
    pub status_notes: String,
    pub service_name: String,
    pub service_code: String,
    pub description: String,
    pub agency_responsible: Option<String>,
    pub service_notice: Option<String>,
    pub requested_datetime: DateTime<Utc>,
    pub updated_datetime: DateTime<Utc>,
    /// When the request is expected to be resolved.
    pub expected_datetime: Option<DateTime<Utc>>,
    pub address: String,
    /// The compound's id.
    pub address_id: String,
    pub zipcode: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    pub media_url: Option<String>,
}

/// Maps a complaint to the specification's fields.
pub fn service_request(c: Complaint) -> ServiceRequest {
    let status = c.status();
    let open = status.is_open();
    let notes = match status {
        Status::Rejected => format!("rejected: {}", c.reject_reason.clone().unwrap_or_default()),
        Status::Resolved | Status::Closed => format!(
            "{}: {}",
            status.as_str(),
            c.resolution.clone().unwrap_or_default()
        ),
        Status::Returned => format!("returned: {}", c.return_reason.clone().unwrap_or_default()),
        other => other.as_str().to_owned(),
    };
    ServiceRequest {
        service_request_id: c.id.to_string(),
        status: if open { "open" } else { "closed" }.to_owned(),
        status_notes: notes,
        service_name: c.category_name,
        service_code: c.category_code,
        description: c.description,
        agency_responsible: c.handler_org_name,
        service_notice: Some(format!("诉求编号 {}", c.number)),
        requested_datetime: c.created_at,
        updated_datetime: c.updated_at,
        expected_datetime: c.resolve_by,
        address: c.compound_name,
        address_id: c.compound_id.to_string(),
        zipcode: None,
        lat: c.lat,
        long: c.lon,
        media_url: None,
    }
}
