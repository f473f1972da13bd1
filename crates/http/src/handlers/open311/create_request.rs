use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, post, web};
use linli_app::complaints::{FileComplaint, Via, file_complaint};
use linli_domain::{DomainError, complaint::title_from, geo::GeoPoint};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{error, from_api, key_caller};
use crate::{error::ApiError, handlers::tags, state::AppState};

/// The answer to a new request.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedRequest {
    pub service_request_id: String,
    pub service_notice: String,
    pub account_id: Option<String>,
}

/// Open311 POST service request (form-encoded, as the specification has it): `api_key`,
/// `service_code`, `address_id` (the compound's id), `description`, optional `lat`/`long`,
/// `first_name`, `last_name`, `phone`, `attribute[code]=…`. Filed as a hotline-style
/// complaint in the key's area and routed like any other.
#[utoipa::path(tag = tags::OPEN311, request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "Open311 request parameters"), responses(
    (status = 201, description = "Created: the service request numbers", body = Vec<CreatedRequest>),
    (status = 400, description = "A required field is missing or breaks a rule; `description` says which", body = Vec<super::Open311Error>),
    (status = 401, description = "Missing or unknown `api_key`", body = Vec<super::Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope, or the compound lies outside its area", body = Vec<super::Open311Error>),
    (status = 413, description = "Body larger than the limit", body = Vec<super::Open311Error>),
    (status = 415, description = "Body not `application/x-www-form-urlencoded`", body = Vec<super::Open311Error>),
))]
#[post("/requests.json")]
pub async fn create_request(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<HashMap<String, String>>,
) -> HttpResponse {
    let form = form.into_inner();
    let caller = match key_caller(&state, &req, form.get("api_key").cloned()).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    // The form is not JSON, so `extract::parse_json`'s NUL check does not cover it.
    if let Some(name) = form
        .iter()
        .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        .map(|(k, _)| k)
    {
        return error(
            StatusCode::BAD_REQUEST,
            format!("{} {}", name.replace('\0', ""), crate::nul::MESSAGE),
        );
    }
    let get = |k: &str| {
        form.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let (Some(code), Some(description)) = (get("service_code"), get("description")) else {
        return error(
            StatusCode::BAD_REQUEST,
            "service_code and description are required",
        );
    };
    let Some(address_id) = get("address_id").and_then(|a| Uuid::parse_str(&a).ok()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "address_id (the compound's id) is required",
        );
    };
    if description.chars().count() > 4000 {
        return error(
            StatusCode::BAD_REQUEST,
            "description is longer than 4000 characters",
        );
    }
    let location = match (
        get("lat").and_then(|v| v.parse::<f64>().ok()),
        get("long").and_then(|v| v.parse::<f64>().ok()),
    ) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some(GeoPoint { lat, lon })
        }
        (None, None) => None,
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "lat and long must both be valid coordinates",
            );
        }
    };
    let name = match (get("last_name"), get("first_name")) {
        (None, None) => None,
        (l, f) => Some(format!(
            "{}{}",
            l.unwrap_or_default(),
            f.unwrap_or_default()
        )),
    };
    let phone = get("phone").filter(|p| linli_domain::registry::is_phone(p));
    let attributes: Vec<String> = form
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("attribute[")
                .and_then(|k| k.strip_suffix(']'))
                .map(|k| format!("{k}: {v}"))
        })
        .collect();
    let text = if attributes.is_empty() {
        description.clone()
    } else {
        format!("{description}\n{}", attributes.join("\n"))
    };
    let command = FileComplaint {
        compound_id: address_id,
        category: code,
        title: title_from(&description),
        description: text,
        location,
        anonymous: name.is_none() && phone.is_none(),
        complainant_name: name,
        complainant_phone: phone,
        external_id: None,
    };
    let result = linli_app::in_transaction(&state.db, move |tx| {
        Box::pin(async move {
            file_complaint(tx, &caller, Via::Open311, command)
                .await
                .map_err(|e| match e {
                    // The specification's field is `service_code`.
                    linli_app::Error::Domain(DomainError::Validation(mut errors))
                        if errors.contains_key("category") =>
                    {
                        let message = errors.remove("category").unwrap_or_default();
                        errors.insert("service_code".to_owned(), message);
                        DomainError::Validation(errors).into()
                    }
                    other => other,
                })
        })
    })
    .await
    .map_err(ApiError::from);
    match result {
        Ok(c) => HttpResponse::Created().json([CreatedRequest {
            service_request_id: c.id.to_string(),
            service_notice: format!("已受理登记，诉求编号 {} / filed as {}", c.number, c.number),
            account_id: None,
        }]),
        Err(e) => from_api(&e),
    }
}
