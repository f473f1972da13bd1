use actix_web::{HttpResponse, get, web};
use linli_persistence::complaints;
use serde::Serialize;
use utoipa::ToSchema;

use super::from_api;
use crate::{handlers::tags, state::AppState};

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

/// Open311 service list: the complaint categories.
#[utoipa::path(tag = tags::OPEN311, responses((status = 200, description = "The services", body = Vec<Service>)))]
#[get("/services.json")]
pub async fn services(state: web::Data<AppState>) -> HttpResponse {
    let result = async {
        let mut conn = state.db.conn().await?;
        Ok::<_, crate::error::ApiError>(complaints::categories(&mut conn, true).await?)
    }
    .await;
    match result {
        Ok(list) => HttpResponse::Ok().json(
            list.into_iter()
                .map(|c| Service {
                    metadata: c.attributes.as_array().is_some_and(|a| !a.is_empty()),
                    description: format!("{} / {}", c.name_zh, c.name_en),
                    service_name: c.name_zh,
                    service_code: c.code,
                    kind: "realtime".into(),
                    keywords: c.name_en.to_lowercase(),
                    group: "小区治理".into(),
                })
                .collect::<Vec<_>>(),
        ),
        Err(e) => from_api(&e),
    }
}
