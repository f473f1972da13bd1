use crate::handlers::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::error;

/// The id a token stands for.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenAnswer {
    pub token: String,
    pub service_request_id: String,
}

/// Open311 GET service_request_id from a token. Requests are filed synchronously, so the
/// token is the request id itself.
#[utoipa::path(tag = tags::OPEN311, params(("token" = String, Path)), responses(
    (status = 200, description = "The service request the token became", body = Vec<TokenAnswer>),
    (status = 404, description = "No such token", body = Vec<crate::dto::open311::Open311Error>),
))]
#[get("/tokens/{token}.json")]
pub async fn get_token(token: web::Path<String>) -> HttpResponse {
    match Uuid::parse_str(&token) {
        Ok(id) => HttpResponse::Ok().json([TokenAnswer {
            token: token.into_inner(),
            service_request_id: id.to_string(),
        }]),
        Err(_) => error(StatusCode::NOT_FOUND, "no such token"),
    }
}
