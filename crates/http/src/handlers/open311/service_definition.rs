use actix_web::{HttpResponse, get, http::StatusCode, web};
use linli_persistence::complaints;
use serde::Serialize;
use utoipa::ToSchema;

use super::{error, from_api};
use crate::{handlers::tags, state::AppState};

/// A service's attributes (the Open311 attribute model).
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceDefinition {
    pub service_code: String,
    #[schema(value_type = Vec<Object>)]
    pub attributes: Vec<serde_json::Value>,
}

/// Open311 service definition: the typed attributes a request of this service may carry.
#[utoipa::path(tag = tags::OPEN311, params(("service_code" = String, Path)), responses(
    (status = 200, description = "The service definition", body = ServiceDefinition),
    (status = 404, description = "No such service", body = Vec<super::Open311Error>),
))]
#[get("/services/{service_code}.json")]
pub async fn service_definition(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> HttpResponse {
    let found = async {
        let mut conn = state.db.conn().await?;
        Ok::<_, crate::error::ApiError>(complaints::category(&mut conn, &code).await?)
    }
    .await;
    match found {
        Ok(Some(c)) if c.active => {
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
            HttpResponse::Ok().json(ServiceDefinition {
                service_code: c.code,
                attributes,
            })
        }
        Ok(_) => error(StatusCode::NOT_FOUND, "no such service_code"),
        Err(e) => from_api(&e),
    }
}
