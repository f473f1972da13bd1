//! The audit chain: every mutation recorded; tampering found at the exact row.

use linli_tests::TestApp;
use serde_json::json;

async fn make_changes(app: &TestApp) -> String {
    let admin = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    for name in ["审计一号", "审计二号", "审计三号"] {
        app.post_as(&admin, "/api/v1/compounds", &json!({"community_id": community, "name": name, "address": "审计路", "building_count": 1, "household_count": 10, "governance_mode": "self_managed"})).await
            .assert_status(201);
    }
    admin
}

#[actix_web::test]
async fn mutations_are_recorded_with_who_what_and_before_after() {
    let app = TestApp::new().await;
    let admin = make_changes(&app).await;
    let id = app.area_id("审计二号").await;
    let uri = format!("/api/v1/compounds/{id}");
    let read = app.get_as(&admin, &uri).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let mut body = read.json();
    body["household_count"] = json!(99);
    app.put(&uri)
        .bearer(&admin)
        .header("if-match", &etag)
        .header("x-request-id", "req-audit-0001")
        .json(&body)
        .send()
        .await
        .assert_status(200);
    let log = app
        .get_as(
            &admin,
            &format!("/api/v1/audit-log?object_type=compound&object_id={id}"),
        )
        .await
        .json();
    let items = log["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 2);
    let update = &items[0];
    assert_eq!(update["action"], "compound.updated");
    assert_eq!(update["actor_name"], "admin");
    assert_eq!(update["actor_kind"], "user");
    assert_eq!(update["before"]["household_count"], 10);
    assert_eq!(update["after"]["household_count"], 99);
    assert_eq!(update["request_id"], "req-audit-0001");
    assert_eq!(items[1]["action"], "compound.created");
    // Others may not read the log.
    let staff = app.token_for("houjiatang").await;
    for path in ["/api/v1/audit-log", "/api/v1/audit-log/verify"] {
        app.get_as(&staff, path)
            .await
            .assert_problem(403, "forbidden");
    }
}

#[actix_web::test]
async fn the_log_cannot_be_changed_through_ordinary_sql() {
    let app = TestApp::new().await;
    make_changes(&app).await;
    for sql in [
        "UPDATE audit_log SET actor_name = 'someone else'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        assert_append_only(&app, sql).await;
    }
}

/// Runs `sql` directly and asserts the log refuses it as append-only.
async fn assert_append_only(app: &TestApp, sql: &str) {
    use diesel_async::RunQueryDsl;
    let mut conn = app.conn().await;
    let err = diesel::sql_query(sql)
        .execute(&mut *conn)
        .await
        .err()
        .map(|e| e.to_string());
    assert!(
        err.as_deref().is_some_and(|e| e.contains("append-only")),
        "{sql}: {err:?}"
    );
}

/// The three newest compound entries of the log.
async fn newest_compound_entries(app: &TestApp, admin: &str) -> serde_json::Value {
    app.get_as(admin, "/api/v1/audit-log?object_type=compound&limit=3")
        .await
        .json()
}

#[actix_web::test]
async fn entries_are_sealed_after_commit_and_sealing_is_the_one_update_allowed() {
    let app = TestApp::new().await;
    let admin = make_changes(&app).await;
    // Written without waiting for the chain: no hash yet.
    let fresh = newest_compound_entries(&app, &admin).await;
    let items = fresh["items"].as_array().cloned().unwrap_or_default();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|e| e["hash"].is_null()), "{items:?}");
    // Sealing may not smuggle in a change of content.
    assert_append_only(
        &app,
        "UPDATE audit_log SET actor_name = 'someone else', chain_seq = 999999999, \
         prev_hash = '\\x00', hash = '\\x01' WHERE id = (SELECT max(id) FROM audit_log)",
    )
    .await;
    // Verification seals what is committed; then every entry has its hash.
    let verified = app.get_as(&admin, "/api/v1/audit-log/verify").await.json();
    assert_eq!(verified["ok"], true);
    let sealed = newest_compound_entries(&app, &admin).await;
    let items = sealed["items"].as_array().cloned().unwrap_or_default();
    assert!(
        items
            .iter()
            .all(|e| e["hash"].as_str().is_some_and(|h| h.len() == 64)),
        "{items:?}"
    );
    // Sealed once: not again, not even to the same values.
    assert_append_only(
        &app,
        "UPDATE audit_log SET hash = hash, chain_seq = chain_seq",
    )
    .await;
}

#[actix_web::test]
async fn verification_names_the_row_a_superuser_altered() {
    let app = TestApp::new().await;
    // The demo seed leaves a history of its own (payment cycles run through the real code).
    let seeded = app
        .count("SELECT count(*) AS n FROM audit_log WHERE $1 = $1", "")
        .await;
    let admin = make_changes(&app).await;
    let ok = app.get_as(&admin, "/api/v1/audit-log/verify").await.json();
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["checked"], seeded + 3);
    // The second of the three changes this test made.
    let second = app
        .count("SELECT max(id) - 1 AS n FROM audit_log WHERE $1 = $1", "")
        .await;
    // A superuser bypasses the append-only triggers; the chain still tells.
    app.sql(&format!(
        "SET session_replication_role = replica; \
         UPDATE audit_log SET after = jsonb_set(after, '{{household_count}}', '7') WHERE id = {second}; \
         SET session_replication_role = DEFAULT"
    ))
    .await;
    let broken = app.get_as(&admin, "/api/v1/audit-log/verify").await.json();
    assert_eq!(broken["ok"], false);
    assert_eq!(broken["first_broken_id"], second);
    assert_eq!(broken["checked"], seeded + 2);
}

#[actix_web::test]
async fn concurrent_writers_keep_one_unbroken_chain() {
    let app = TestApp::new().await;
    let seeded = app
        .count("SELECT count(*) AS n FROM audit_log WHERE $1 = $1", "")
        .await;
    let admin = app.token_for("admin").await;
    let community = app.area_id("梓园社区").await;
    let sends = (0..20).map(|i| {
        app.post("/api/v1/compounds")
            .bearer(&admin)
            .json(&json!({"community_id": community, "name": format!("并发{i}"), "address": "并发路", "building_count": 1, "household_count": 10, "governance_mode": "self_managed"}))
            .send()
    });
    for r in futures_util::future::join_all(sends).await {
        r.assert_status(201);
    }
    let result = app.get_as(&admin, "/api/v1/audit-log/verify").await.json();
    assert_eq!(result["ok"], true);
    assert_eq!(result["checked"], seeded + 20);
}
