use actix_web::{HttpRequest, HttpResponse, get, web};
use chrono::{DateTime, Utc};
use linli_domain::complaint::Status;
use linli_persistence::complaints::{self, ComplaintFilter, Visibility};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{ServiceRequest, from_api, key_caller, service_request};
use crate::{handlers::tags, state::AppState};

/// Open311 request filters.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequestQuery {
    pub api_key: Option<String>,
    /// Comma-separated ids.
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    pub start_date: Option<DateTime<Utc>>,
    pub end_date: Option<DateTime<Utc>>,
    /// `open` or `closed`.
    pub status: Option<String>,
}

/// Open311 GET service requests in the key's area (newest first, at most 100; default
/// the last 90 days as the specification suggests).
#[utoipa::path(tag = tags::OPEN311, params(RequestQuery), responses(
    (status = 200, description = "The service requests", body = Vec<ServiceRequest>),
    (status = 400, description = "A parameter does not parse (e.g. `start_date` not RFC 3339)", body = Vec<super::Open311Error>),
    (status = 401, description = "`api_key` missing or not valid", body = Vec<super::Open311Error>),
    (status = 403, description = "The key lacks the `open311` scope", body = Vec<super::Open311Error>),
))]
#[get("/requests.json")]
pub async fn list_requests(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<RequestQuery>,
) -> HttpResponse {
    let query = query.into_inner();
    let caller = match key_caller(&state, &req, query.api_key.clone()).await {
        Ok(c) => c,
        Err(resp) => return resp,
    };
    let patterns = caller
        .scope(linli_domain::policy::Action::ReadComplaints)
        .map(|s| linli_persistence::areas::scope_patterns(&s))
        .unwrap_or_default();
    let ids: Option<Vec<Uuid>> = query.service_request_id.as_deref().map(|ids| {
        ids.split(',')
            .filter_map(|i| Uuid::parse_str(i.trim()).ok())
            .collect()
    });
    let result = async {
        let mut conn = state.db.conn().await?;
        let vis = Visibility {
            area_patterns: patterns,
            handler_orgs: Vec::new(),
            complainant: None,
        };
        if let Some(ids) = ids {
            let mut out = Vec::new();
            for id in ids {
                if let Some(c) = complaints::find(&mut conn, id).await?
                    && vis
                        .area_patterns
                        .iter()
                        .any(|p| c.area_path.starts_with(p.trim_end_matches('%')))
                {
                    out.push(c);
                }
            }
            return Ok::<_, crate::error::ApiError>(out);
        }
        let filter = ComplaintFilter {
            category: query.service_code.clone(),
            from: Some(
                query
                    .start_date
                    .unwrap_or_else(|| state.clock().now() - chrono::Duration::days(90)),
            ),
            to: query.end_date,
            ..Default::default()
        };
        let list = complaints::list(&mut conn, &vis, &filter, None, 100).await?;
        Ok(match query.status.as_deref() {
            Some("open") => list.into_iter().filter(|c| c.status().is_open()).collect(),
            Some("closed") => list
                .into_iter()
                .filter(|c| !c.status().is_open() || c.status() == Status::Closed)
                .collect(),
            _ => list,
        })
    }
    .await;
    match result {
        Ok(list) => {
            HttpResponse::Ok().json(list.into_iter().map(service_request).collect::<Vec<_>>())
        }
        Err(e) => from_api(&e),
    }
}
