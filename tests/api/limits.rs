//! Resilience and operations: pool exhaustion, security headers, CORS, metrics, request ids.

use std::time::Duration;

use linli_domain::policy::Role;
use linli_persistence::PoolSettings;
use linli_tests::TestApp;

#[actix_web::test]
async fn an_exhausted_pool_answers_503_with_retry_after_instead_of_hanging() {
    let app = TestApp::with(
        PoolSettings {
            max_size: 1,
            checkout_timeout: Duration::from_millis(300),
            clock: linli_tests::test_clock(),
        },
        |_| {},
    )
    .await;
    let token = app.token_for("admin").await;
    let held = app.conn().await;
    let started = std::time::Instant::now();
    let res = app.get_as(&token, "/api/v1/compounds").await;
    res.assert_problem(503, "service_unavailable");
    assert!(res.header("retry-after").is_some());
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "answered within the checkout timeout"
    );
    drop(held);
    app.get_as(&token, "/api/v1/compounds")
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn responses_carry_security_headers_and_request_ids() {
    let app = TestApp::new().await;
    let res = app.get_public("/healthz").await;
    assert_eq!(
        res.header("x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(res.header("x-frame-options").as_deref(), Some("DENY"));
    assert!(res.header("x-request-id").is_some_and(|id| id.len() >= 16));
    let res = app
        .get("/api/v1/nowhere")
        .header("x-request-id", "trace-me-42")
        .send()
        .await;
    assert_eq!(res.header("x-request-id").as_deref(), Some("trace-me-42"));
    assert_eq!(res.json()["request_id"], "trace-me-42");
    // A hostile id is replaced, not echoed.
    let res = app
        .get("/healthz")
        .header("x-request-id", "<script>")
        .send()
        .await;
    assert_ne!(res.header("x-request-id").as_deref(), Some("<script>"));
}

#[actix_web::test]
async fn cors_admits_only_configured_origins() {
    let app = TestApp::with(linli_tests::pool_settings(4), |s| {
        s.cors_origins = vec!["https://gov.example.cn".to_owned()];
    })
    .await;
    let allowed = app
        .request(actix_web::http::Method::OPTIONS, "/api/v1/compounds")
        .header("origin", "https://gov.example.cn")
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert_eq!(
        allowed.header("access-control-allow-origin").as_deref(),
        Some("https://gov.example.cn")
    );
    let other = app
        .request(actix_web::http::Method::OPTIONS, "/api/v1/compounds")
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert!(other.header("access-control-allow-origin").is_none());
    // Without configuration, no origin is admitted.
    let closed = TestApp::with(linli_tests::pool_settings(4), |_| {}).await;
    let res = closed
        .request(actix_web::http::Method::OPTIONS, "/api/v1/compounds")
        .header("origin", "https://gov.example.cn")
        .header("access-control-request-method", "GET")
        .send()
        .await;
    assert!(res.header("access-control-allow-origin").is_none());
}

#[actix_web::test]
async fn metrics_count_requests_by_route_template_for_admins_only() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let compound = app.compound().create().await;
    let id = compound.id;
    app.get_as(&admin, &format!("/api/v1/compounds/{id}"))
        .await
        .assert_status(200);
    let res = app.get_as(&admin, "/metrics").await;
    res.assert_status(200);
    let text = res.text();
    assert!(text.contains("linli_http_requests_total{method=\"GET\",route=\"/api/v1/compounds/{id}\",status=\"200\"} 1"), "{text}");
    assert!(text.contains("linli_http_request_duration_seconds_bucket{"));
    assert!(text.contains("linli_db_pool_connections{state=\"idle\"}"));
    assert!(
        text.contains("linli_webhook_pending_deliveries 0"),
        "{text}"
    );
    assert!(
        !text.contains(&id.to_string()),
        "raw ids never become labels"
    );
    app.get_public("/metrics")
        .await
        .assert_problem(401, "unauthorized");
    let resident = app.user(Role::Resident).over(id).create().await;
    app.get_as(&resident.token, "/metrics")
        .await
        .assert_problem(403, "forbidden");
}
