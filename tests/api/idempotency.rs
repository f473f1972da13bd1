//! Idempotency-Key: one row for any number of identical retries.

use linli_domain::policy::Role;
use linli_tests::TestApp;
use serde_json::{Value, json};

fn compound(community: uuid::Uuid, name: &str) -> Value {
    json!({
        "community_id": community, "name": name, "address": "长沙市雨花区幂等路 1 号",
        "building_count": 4, "household_count": 120, "is_open": false, "governance_mode": "entrusted"
    })
}

/// Registers the compound `name` in `community` as the holder of `token`, with the
/// Idempotency-Key `key`.
async fn create(
    app: &TestApp,
    token: &str,
    key: &str,
    community: uuid::Uuid,
    name: &str,
) -> linli_tests::Response {
    app.post_once(token, "/api/v1/compounds", key, &compound(community, name))
        .await
}

/// A community of its own and a member of its staff, who registers its compounds.
async fn community_staff(app: &TestApp) -> (uuid::Uuid, String) {
    let community = app.community().create().await;
    (
        community,
        app.user_with(Role::CommunityStaff, community).await,
    )
}

async fn named(app: &TestApp, name: &str) -> i64 {
    app.count("SELECT count(*) AS n FROM areas WHERE name = $1", name)
        .await
}

#[actix_web::test]
async fn fifty_parallel_identical_requests_create_one_row() {
    let app = TestApp::new().await;
    let (community, token) = community_staff(&app).await;
    let body = compound(community, "幂等小区");
    let sends =
        (0..50).map(|_| app.post_once(&token, "/api/v1/compounds", "create-mi-deng-0001", &body));
    let responses = futures_util::future::join_all(sends).await;
    assert_eq!(named(&app, "幂等小区").await, 1);
    let created: Vec<&linli_tests::Response> = responses
        .iter()
        .filter(|r| r.status.as_u16() == 201)
        .collect();
    assert!(!created.is_empty());
    // Every 201 is the same answer; the rest were told to retry while the first was in flight.
    let first_id = created[0].json()["id"].clone();
    for r in &responses {
        match r.status.as_u16() {
            201 => assert_eq!(r.json()["id"], first_id),
            409 => assert_eq!(r.json()["code"], "idempotency_in_flight"),
            other => panic!("unexpected {other}: {}", r.text()),
        }
    }
    // A retry after the fact replays the stored response.
    let replay = app
        .post_once(&token, "/api/v1/compounds", "create-mi-deng-0001", &body)
        .await;
    replay.assert_status(201);
    assert_eq!(
        replay.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    assert_eq!(replay.json()["id"], first_id);
    assert_eq!(replay.header("location"), created[0].header("location"));
}

#[actix_web::test]
async fn the_same_key_with_another_body_is_refused() {
    let app = TestApp::new().await;
    let (community, token) = community_staff(&app).await;
    create(&app, &token, "key-aaaa-0001", community, "甲小区")
        .await
        .assert_status(201);
    create(&app, &token, "key-aaaa-0001", community, "乙小区")
        .await
        .assert_problem(422, "idempotency_key_reused");
    assert_eq!(named(&app, "乙小区").await, 0);
    // Keys belong to their caller: another user may use the same key freely.
    let other = app.token_for("admin").await;
    create(&app, &other, "key-aaaa-0001", community, "乙小区")
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn a_request_in_flight_answers_409_and_a_failed_one_stores_nothing() {
    let app = TestApp::new().await;
    let (community, token) = community_staff(&app).await;
    let me = app.get_as(&token, "/api/v1/me").await.json();
    let principal = format!(
        "user:{}",
        me["id"].as_str().expect("the answer carries its id")
    );
    // Hold the key's lock from another session, as a first request still running would.
    let lock = format!("hashtextextended('{principal}' || E'\\n' || 'key-held-0001', 0)");
    let mut holder = app.conn().await;
    {
        use diesel_async::RunQueryDsl;
        diesel::sql_query(format!("SELECT pg_advisory_lock({lock})"))
            .execute(&mut *holder)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let res = app
            .post_once(
                &token,
                "/api/v1/compounds",
                "key-held-0001",
                &compound(community, "锁住小区"),
            )
            .await;
        res.assert_problem(409, "idempotency_in_flight");
        assert!(res.header("retry-after").is_some());
        diesel::sql_query(format!("SELECT pg_advisory_unlock({lock})"))
            .execute(&mut *holder)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    // A request that fails validation stores no key: fixing the body and retrying works.
    let mut bad = compound(community, "");
    bad["building_count"] = json!(-1);
    app.post_once(&token, "/api/v1/compounds", "key-held-0001", &bad)
        .await
        .assert_status(422);
    create(&app, &token, "key-held-0001", community, "锁住小区")
        .await
        .assert_status(201);
}

#[actix_web::test]
async fn malformed_keys_are_refused() {
    let app = TestApp::new().await;
    let (community, token) = community_staff(&app).await;
    for key in ["short", "has spaces in it", "slash/not-allowed"] {
        app.post_once(
            &token,
            "/api/v1/compounds",
            key,
            &compound(community, "格式小区"),
        )
        .await
        .assert_problem(400, "invalid_idempotency_key");
    }
    assert_eq!(named(&app, "格式小区").await, 0);
}
