//! Every error is problem+json, whoever raises it.

use linli_tests::TestApp;

#[actix_web::test]
async fn unknown_routes_bad_json_wrong_media_type_and_oversized_bodies() {
    let app = TestApp::new().await;
    app.get_public("/api/v1/no-such-thing")
        .await
        .assert_problem(404, "route_not_found");
    app.post("/api/v1/auth/login")
        .raw("application/json", "{\"username\": ")
        .send()
        .await
        .assert_problem(400, "malformed_json");
    app.post("/api/v1/auth/login")
        .raw("text/plain", "username=admin")
        .send()
        .await
        .assert_problem(415, "unsupported_media_type");
    let huge = format!(
        "{{\"username\": \"{}\", \"password\": \"x\"}}",
        "a".repeat(100 * 1024)
    );
    app.post("/api/v1/auth/login")
        .raw("application/json", huge)
        .send()
        .await
        .assert_problem(413, "payload_too_large");
    let token = app.token_for("admin").await;
    app.get_as(&token, "/api/v1/compounds/not-a-uuid")
        .await
        .assert_problem(404, "not_found");
    let res = app
        .request(actix_web::http::Method::DELETE, "/api/v1/compounds")
        .bearer(&token)
        .send()
        .await;
    assert!(res.status.is_client_error());
    assert_eq!(
        res.header("content-type").as_deref(),
        Some("application/problem+json")
    );
}

/// A lookup that fails because the database fails is a 500, never a field error that
/// tells the clerk their input named nothing.
#[actix_web::test]
async fn a_failing_lookup_is_not_reported_as_bad_input() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let body = serde_json::json!({"person_id": uuid::Uuid::new_v4(), "organisation_id": uuid::Uuid::new_v4(),
        "title": "书记", "start_date": "2026-01-01"});
    // With the table there, an unknown organisation is the caller's mistake.
    app.post_as(&admin, "/api/v1/posts", &body)
        .await
        .assert_problem(422, "validation_failed");
    app.sql("ALTER TABLE organisations RENAME TO organisations_unavailable")
        .await;
    app.post_as(&admin, "/api/v1/posts", &body)
        .await
        .assert_problem(500, "internal_error");
}
