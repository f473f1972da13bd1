use crate::error::ApiError;
use crate::handlers::prelude::*;

/// Readiness: the database answers; 503 otherwise, so a load balancer stops routing here.
#[utoipa::path(tag = tags::HEALTH, responses(
    (status = 200, description = "Ready to serve", body = String, content_type = "text/plain"),
    (status = 503, description = "The database is unreachable", body = Problem, content_type = "application/problem+json"),
))]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if state.db.ping().await {
        Ok(HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ready"))
    } else {
        Err(ApiError::unavailable(
            &"readiness probe: database unreachable",
        ))
    }
}
