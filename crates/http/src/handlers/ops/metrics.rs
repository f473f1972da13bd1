use crate::handlers::prelude::*;
use linli_domain::policy::Action;

/// Prometheus metrics: requests and latency by route template and status, database pool.
///
/// Needs an admin token here; `LINLI_METRICS_BIND` serves the same text without a token on
/// a separate (internal) address.
#[utoipa::path(tag = tags::OPS, security(("bearer" = [])), responses(
    (status = 200, description = "Prometheus text format 0.0.4", body = String, content_type = "text/plain"),
))]
#[get("/metrics")]
pub async fn metrics(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    caller.scope(Action::ReadMetrics)?;
    Ok(exposition(&state).await)
}

/// The metrics response, shared with the unauthenticated internal listener.
pub async fn exposition(state: &AppState) -> HttpResponse {
    let backlog = match state.db.conn().await {
        Ok(mut conn) => {
            let events = linli_persistence::events::backlog(&mut conn).await.ok();
            let deliveries = linli_persistence::webhooks::pending_count(&mut conn)
                .await
                .ok();
            events.zip(deliveries)
        }
        Err(_) => None,
    };
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render(&state.db, backlog))
}
