//! Keys for government systems: shown once, scoped, confined to their area, revocable.

use linli_domain::policy::Role;
use linli_tests::TestApp;
use linli_tests::each;
use linli_tests::text;
use serde_json::{Value, json};

async fn issue(app: &TestApp, scopes: Value, area: &str) -> (String, String) {
    let area_id = app.area_id(area).await;
    let (key, body) = app.api_key("12345 市民热线", scopes, area_id).await;
    let id = text(&body["api_key"]["id"]);
    assert!(key.starts_with(body["api_key"]["prefix"].as_str().unwrap_or("?")));
    (key, id)
}

#[actix_web::test]
async fn a_key_reads_within_its_scope_and_area_only() {
    let app = TestApp::new().await;
    let (key, _) = issue(&app, json!(["registry:read"]), "侯家塘街道").await;
    let list = app.get_with_key(&key, "/api/v1/compounds?limit=100").await;
    list.assert_status(200);
    let items = list.json()["items"].as_array().cloned().unwrap_or_default();
    assert!(!items.is_empty());
    assert!(items.iter().all(|c| c["subdistrict_name"] == "侯家塘街道"));
    let elsewhere = app.area_id("融城花苑").await;
    app.get_with_key(&key, &format!("/api/v1/compounds/{elsewhere}"))
        .await
        .assert_problem(404, "not_found");
    // Reading is not writing.
    let community = app.area_id("梓园社区").await;
    app.post("/api/v1/compounds")
        .api_key(&key)
        .json(&json!({"community_id": community, "name": "x", "address": "y", "building_count": 1, "household_count": 1, "governance_mode": "entrusted"}))
        .send()
        .await
        .assert_problem(403, "forbidden");
    // People-only routes refuse keys outright.
    app.get_with_key(&key, "/api/v1/me")
        .await
        .assert_problem(403, "api_key_not_allowed");
    app.post("/api/v1/me/password")
        .api_key(&key)
        .json(&json!({"current_password": "a", "new_password": "bbbbbbbbbbbb"}))
        .send()
        .await
        .assert_problem(403, "api_key_not_allowed");
    app.get_with_key(&key, "/api/v1/users")
        .await
        .assert_problem(403, "api_key_not_allowed");
}

#[actix_web::test]
async fn a_key_without_the_scope_is_forbidden() {
    let app = TestApp::new().await;
    let (key, _) = issue(&app, json!(["complaints:read"]), "雨花区").await;
    app.get_with_key(&key, "/api/v1/compounds")
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn revoked_and_forged_keys_fail_at_once() {
    let app = TestApp::new().await;
    let (key, id) = issue(&app, json!(["registry:read"]), "雨花区").await;
    app.get_with_key(&key, "/api/v1/areas")
        .await
        .assert_status(200);
    let admin = app.token_for("admin").await;
    let listed = app.get_as(&admin, "/api/v1/api-keys").await.json();
    let text = listed.to_string();
    assert!(!text.contains(&key), "the secret is never listed");
    assert!(listed["items"][0]["last_used_at"].is_string());
    app.request(
        actix_web::http::Method::DELETE,
        &format!("/api/v1/api-keys/{id}"),
    )
    .bearer(&admin)
    .send()
    .await
    .assert_status(204);
    app.get_with_key(&key, "/api/v1/areas")
        .await
        .assert_problem(401, "invalid_api_key");
    let forged = format!("{}x", &key[..key.len() - 1]);
    app.get_with_key(&forged, "/api/v1/areas")
        .await
        .assert_problem(401, "invalid_api_key");
    app.get_with_key("garbage", "/api/v1/areas")
        .await
        .assert_problem(401, "invalid_api_key");
    // Stored only as a digest.
    let stored = app.count("SELECT count(*) AS n FROM api_keys WHERE encode(key_hash, 'escape') LIKE '%' || $1 || '%'", &key[12..]).await;
    assert_eq!(stored, 0);
    let log = app
        .get_as(&admin, "/api/v1/audit-log?object_type=api_key")
        .await
        .json();
    let actions: Vec<&str> = each(&log["items"])
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(actions, ["api_key.revoked", "api_key.created"]);
}

#[actix_web::test]
async fn only_district_admins_issue_keys() {
    let app = TestApp::new().await;
    let area = app.area_id("侯家塘街道").await;
    let staff = app.user(Role::SubdistrictStaff).over(area).create().await;
    app.post_as(
        &staff.token,
        "/api/v1/api-keys",
        &json!({"name": "x", "scopes": ["registry:read"], "area_id": area}),
    )
    .await
    .assert_problem(403, "forbidden");
    let admin = app.token_for("admin").await;
    let res = app
        .post_as(
            &admin,
            "/api/v1/api-keys",
            &json!({"name": "", "scopes": [], "area_id": area}),
        )
        .await;
    let problem = res.assert_problem(422, "validation_failed");
    assert!(problem["errors"]["name"].is_array() && problem["errors"]["scopes"].is_array());
    app.post_as(
        &admin,
        "/api/v1/api-keys",
        &json!({"name": "x", "scopes": ["everything"], "area_id": area}),
    )
    .await
    .assert_problem(422, "validation_failed");
}

#[actix_web::test]
async fn staff_who_may_not_connect_systems_are_refused_before_their_input_is_checked() {
    let app = TestApp::new().await;
    let staff = app.user_over(Role::SubdistrictStaff, "侯家塘街道").await;
    let counts = async || {
        let mut n = Vec::new();
        for table in ["api_keys", "webhook_subscriptions"] {
            let sql = format!("SELECT count(*) AS n FROM {table} WHERE $1 = $1");
            n.push(app.count(&sql, "").await);
        }
        n
    };
    let before = counts().await;
    let bad_key = json!({"name": "", "scopes": [], "area_id": uuid::Uuid::nil()});
    app.post_as(&staff.token, "/api/v1/api-keys", &bad_key)
        .await
        .assert_problem(403, "forbidden");
    let bad_hook = json!({"url": "ftp://x", "event_types": [], "area_id": uuid::Uuid::nil()});
    app.post_as(&staff.token, "/api/v1/webhook-subscriptions", &bad_hook)
        .await
        .assert_problem(403, "forbidden");
    assert_eq!(counts().await, before);
}
