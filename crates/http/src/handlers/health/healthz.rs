use crate::handlers::prelude::*;

/// Liveness: the process is up and answering.
#[utoipa::path(tag = tags::HEALTH, responses((status = 200, description = "The process is up", body = String, content_type = "text/plain")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}
