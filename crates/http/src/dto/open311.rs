//! Open311 GeoReport v2 bodies. Field names follow the specification exactly.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use linli_app::complaints::{FileComplaint, FindComplaints};
use linli_domain::{
    complaint::Status, complaint::title_from, geo::GeoPoint, ids::ComplaintId, registry::is_phone,
};
use linli_persistence::complaints::{Category, Complaint};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// An Open311 error.
#[derive(Debug, Serialize, ToSchema)]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
}

/// One service (a complaint category).
#[derive(Debug, Serialize, ToSchema)]
pub struct Service {
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    /// True when the service has attributes (see services/{code}.json).
    pub metadata: bool,
    #[serde(rename = "type")]
    pub kind: String,
    pub keywords: String,
    pub group: String,
}

impl From<Category> for Service {
    fn from(c: Category) -> Self {
        Service {
            metadata: c.attributes.as_array().is_some_and(|a| !a.is_empty()),
            description: format!("{} / {}", c.name_zh, c.name_en),
            service_name: c.name_zh,
            service_code: c.code,
            kind: "realtime".into(),
            keywords: c.name_en.to_lowercase(),
            group: "小区治理".into(),
        }
    }
}

/// A service's attributes (the Open311 attribute model).
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDefinition {
    pub service_code: String,
    #[schema(value_type = Vec<Object>)]
    pub attributes: Vec<serde_json::Value>,
}

impl From<Category> for ServiceDefinition {
    fn from(c: Category) -> Self {
        let attributes = c
            .attributes
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                serde_json::json!({
                    "variable": true,
                    "code": a["code"],
                    "datatype": a["datatype"],
                    "required": a["required"].as_bool().unwrap_or(false),
                    "datatype_description": a["description"],
                    "order": i + 1,
                    "description": a["description"],
                    "values": a.get("values").cloned().unwrap_or(serde_json::json!([])),
                })
            })
            .collect();
        ServiceDefinition {
            service_code: c.code,
            attributes,
        }
    }
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

impl From<Complaint> for ServiceRequest {
    fn from(c: Complaint) -> Self {
        let status = c.status();
        let notes = match status {
            Status::Rejected => {
                format!("rejected: {}", c.reject_reason.clone().unwrap_or_default())
            }
            Status::Resolved | Status::Closed => format!(
                "{}: {}",
                status.as_str(),
                c.resolution.clone().unwrap_or_default()
            ),
            Status::Returned => {
                format!("returned: {}", c.return_reason.clone().unwrap_or_default())
            }
            other => other.as_str().to_owned(),
        };
        ServiceRequest {
            service_request_id: c.id.to_string(),
            status: if status.is_open() { "open" } else { "closed" }.to_owned(),
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
}

/// The answer to a new request.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedRequest {
    pub service_request_id: String,
    pub service_notice: String,
    pub account_id: Option<String>,
}

impl From<Complaint> for CreatedRequest {
    fn from(c: Complaint) -> Self {
        CreatedRequest {
            service_request_id: c.id.to_string(),
            service_notice: format!("已受理登记，诉求编号 {} / filed as {}", c.number, c.number),
            account_id: None,
        }
    }
}

/// The key parameter.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct KeyQuery {
    /// The key, when it is not sent as the `X-Api-Key` header (preferred: a header stays out
    /// of access logs and proxies' records).
    pub api_key: Option<String>,
}

/// Open311 request filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    /// The key, when it is not sent as the `X-Api-Key` header (preferred: a header stays out
    /// of access logs and proxies' records).
    pub api_key: Option<String>,
    /// Comma-separated ids.
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    pub start_date: Option<DateTime<Utc>>,
    pub end_date: Option<DateTime<Utc>>,
    /// `open` or `closed`.
    pub status: Option<String>,
}

impl RequestQuery {
    /// The ids asked for, when the query names any (unreadable ones are skipped).
    pub fn ids(&self) -> Option<Vec<ComplaintId>> {
        self.service_request_id.as_deref().map(|ids| {
            ids.split(',')
                .filter_map(|i| i.trim().parse().ok())
                .collect()
        })
    }

    /// The complaints to list when no ids are asked for: of the service, filed from
    /// `start_date` (or `since`) to `end_date`.
    pub fn to_find(&self, since: DateTime<Utc>) -> FindComplaints {
        FindComplaints {
            category: self.service_code.clone(),
            from: Some(self.start_date.unwrap_or(since)),
            to: self.end_date,
            ..Default::default()
        }
    }

    /// Whether a request in `status` passes the `status` filter.
    pub fn keeps(&self, status: Status) -> bool {
        match self.status.as_deref() {
            Some("open") => status.is_open(),
            Some("closed") => !status.is_open() || status == Status::Closed,
            _ => true,
        }
    }
}

/// The complaint a `POST /requests.json` form files, or why it cannot (in the
/// specification's words).
pub fn complaint_from_form(form: &HashMap<String, String>) -> Result<FileComplaint, String> {
    // The form is not JSON, so `extract::parse_json`'s NUL check does not cover it.
    if let Some(name) = form
        .iter()
        .find(|(k, v)| k.contains('\0') || v.contains('\0'))
        .map(|(k, _)| k)
    {
        return Err(format!(
            "{} {}",
            name.replace('\0', ""),
            crate::nul::MESSAGE
        ));
    }
    let get = |k: &str| {
        form.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let (Some(code), Some(description)) = (get("service_code"), get("description")) else {
        return Err("service_code and description are required".into());
    };
    let Some(address_id) = get("address_id").and_then(|a| Uuid::parse_str(&a).ok()) else {
        return Err("address_id (the compound's id) is required".into());
    };
    if description.chars().count() > 4000 {
        return Err("description is longer than 4000 characters".into());
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
        _ => return Err("lat and long must both be valid coordinates".into()),
    };
    let name = match (get("last_name"), get("first_name")) {
        (None, None) => None,
        (l, f) => Some(format!(
            "{}{}",
            l.unwrap_or_default(),
            f.unwrap_or_default()
        )),
    };
    let phone = get("phone").filter(|p| is_phone(p));
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
    Ok(FileComplaint {
        compound_id: address_id.into(),
        category: code,
        title: title_from(&description),
        description: text,
        location,
        anonymous: name.is_none() && phone.is_none(),
        complainant_name: name,
        complainant_phone: phone,
        external_id: None,
    })
}
