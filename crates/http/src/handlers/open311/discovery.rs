use crate::handlers::prelude::*;
use actix_web::HttpRequest;
use serde::Serialize;
use utoipa::ToSchema;

/// One endpoint of the discovery document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Endpoint {
    pub specification: String,
    pub url: String,
    pub changeset: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub formats: Vec<String>,
}

/// The Open311 discovery document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Discovery {
    pub changeset: String,
    pub contact: String,
    pub key_service: String,
    pub endpoints: Vec<Endpoint>,
}

/// Open311 discovery: where the GeoReport v2 endpoint is and what it speaks.
#[utoipa::path(tag = tags::OPEN311, responses((status = 200, description = "The Open311 discovery document", body = Discovery)))]
#[get("/discovery.json")]
pub async fn discovery(req: HttpRequest) -> web::Json<Discovery> {
    let info = req.connection_info();
    let base = format!("{}://{}/open311/v2/", info.scheme(), info.host());
    web::Json(Discovery {
        changeset: "2026-11-26T00:00:00Z".into(),
        contact: "雨花区小区治理平台 Linli".into(),
        key_service: "API keys with the `open311` scope are issued by the district administrator (POST /api/v1/api-keys)".into(),
        endpoints: vec![Endpoint {
            specification: "http://wiki.open311.org/GeoReport_v2".into(),
            url: base,
            changeset: "2026-11-26T00:00:00Z".into(),
            kind: "production".into(),
            formats: vec!["application/json".into()],
        }],
    })
}
