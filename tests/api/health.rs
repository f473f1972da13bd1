use linli_tests::TestApp;

#[actix_web::test]
async fn probes_answer() {
    let app = TestApp::new().await;
    let live = app.get_public("/healthz").await;
    live.assert_status(200);
    assert_eq!(live.text(), "ok");
    app.get_public("/readyz").await.assert_status(200);
}

#[actix_web::test]
async fn readiness_fails_without_the_database() {
    let mut app = TestApp::new().await;
    app.state.db = linli_persistence::Db::connect(
        "postgres://postgres@127.0.0.1:1/nowhere",
        &linli_persistence::PoolSettings {
            max_size: 1,
            checkout_timeout: std::time::Duration::from_millis(500),
            clock: linli_tests::test_clock(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let res = app.get_public("/readyz").await;
    res.assert_problem(503, "service_unavailable");
    assert!(res.header("retry-after").is_some());
    app.get_public("/healthz").await.assert_status(200);
}

#[actix_web::test]
async fn the_docs_ui_is_served_offline() {
    let app = TestApp::new().await;
    let page = app.get_public("/docs/").await;
    page.assert_status(200);
    assert!(page.text().contains("swagger"), "Swagger UI page");
    let spec = app.get_public("/api-docs/openapi.json").await;
    spec.assert_status(200);
    assert!(spec.json()["paths"]["/api/v1/compounds"].is_object());
}
