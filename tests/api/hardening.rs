//! Attacks on the service's edges: forged client addresses.

use linli_tests::{DEMO_PASSWORD, TestApp};
use serde_json::json;

/// An app behind reverse proxies in 10.0.0.0/8.
async fn behind_proxies() -> TestApp {
    TestApp::with(linli_tests::pool_settings(20), |s| {
        s.trusted_proxies = vec!["10.0.0.0/8".parse().expect("a block")];
    })
    .await
}

/// A sign-in with a wrong password from `peer`, carrying `forwarded` as `X-Forwarded-For`.
async fn wrong_password(app: &TestApp, user: &str, peer: &str, forwarded: &str) -> u16 {
    app.post("/api/v1/auth/login")
        .peer(peer)
        .header("X-Forwarded-For", forwarded)
        .json(&json!({"username": user, "password": "wrong"}))
        .send()
        .await
        .status
        .as_u16()
}

async fn sign_in(app: &TestApp, peer: &str, forwarded: &str) -> u16 {
    app.post("/api/v1/auth/login")
        .peer(peer)
        .header("X-Forwarded-For", forwarded)
        .json(&json!({"username": "admin", "password": DEMO_PASSWORD}))
        .send()
        .await
        .status
        .as_u16()
}

#[actix_web::test]
async fn a_forged_forwarded_for_from_an_untrusted_peer_is_ignored() {
    let app = behind_proxies().await;
    // Twenty failures from one address, each claiming to come from somewhere else.
    for i in 0..20 {
        let status = wrong_password(
            &app,
            &format!("user{i}"),
            "127.0.0.9:5000",
            &format!("203.0.113.{i}"),
        )
        .await;
        assert_eq!(status, 401);
    }
    assert_eq!(
        sign_in(&app, "127.0.0.9:5000", "198.51.100.77").await,
        429,
        "the throttle counted the real peer, whatever the header said"
    );
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_client_is_the_right_most_hop_it_did_not_write() {
    let app = behind_proxies().await;
    // The client forges the left part; the proxy appends the address it saw.
    for i in 0..20 {
        let forwarded = format!("203.0.113.{i}, 198.51.100.1");
        let status = wrong_password(&app, &format!("user{i}"), "10.0.0.2:443", &forwarded).await;
        assert_eq!(status, 401);
    }
    assert_eq!(
        sign_in(&app, "10.0.0.2:443", "192.0.2.50, 198.51.100.1").await,
        429,
        "198.51.100.1 is throttled however it fills the header"
    );
    assert_eq!(
        sign_in(&app, "10.0.0.2:443", "198.51.100.1, 198.51.100.2").await,
        200,
        "another client behind the same proxy is not"
    );
    let recorded = app
        .count(
            "SELECT count(*) AS n FROM login_attempts WHERE client_ip = $1 AND succeeded",
            "198.51.100.2",
        )
        .await;
    assert_eq!(recorded, 1, "the sign-in record names the real client");
}

/// Runs `linli start`'s preparation on `url` (on a runtime of its own: migrations need one
/// with several threads) and counts the users it left.
fn prepare(url: &str, demo_mode: bool) -> (usize, i64) {
    let url = url.to_owned();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime");
        rt.block_on(async {
            let db = linli_persistence::Db::connect(&url, &linli_tests::pool_settings(1))
                .expect("a pool");
            let prepared = linli::startup::prepare(&db, demo_mode, DEMO_PASSWORD)
                .await
                .expect("prepared");
            let mut conn = db.conn().await.expect("a connection");
            use diesel::{QueryDsl, dsl::count_star};
            use diesel_async::RunQueryDsl;
            let users: i64 = linli_persistence::schema::users::table
                .select(count_star())
                .first(&mut conn)
                .await
                .expect("users counted");
            (prepared.demo_users, users)
        })
    })
    .join()
    .expect("the preparation ran")
}

#[actix_web::test]
async fn a_start_outside_demo_mode_creates_no_demo_users() {
    let database = linli_tests::EmptyDatabase::create().await;
    assert_eq!(
        prepare(&database.url, false),
        (0, 0),
        "no admin with the published demo password"
    );
    let (created, users) = prepare(&database.url, true);
    assert!(created > 0 && users == i64::try_from(created).expect("a count"));
}

#[actix_web::test]
async fn pages_carry_a_strict_content_security_policy_and_https_adds_hsts() {
    let app = TestApp::with(linli_tests::pool_settings(4), |s| {
        s.public_url = Some("https://linli.example.gov.cn".into());
    })
    .await;
    let spa = app.get("/complaints").send().await;
    let docs = app.get("/docs/").send().await;
    let api = app.get("/api/v1/health").send().await;
    let csp = |r: &linli_tests::Response| r.header("content-security-policy").unwrap_or_default();
    assert!(
        csp(&spa).contains("script-src 'self';") && csp(&spa).contains("frame-ancestors 'none'")
    );
    assert!(
        !csp(&spa).contains("unsafe-eval")
            && !csp(&spa).contains("script-src 'self' 'unsafe-inline'")
    );
    assert!(
        csp(&docs).contains("script-src 'self';") && csp(&docs).contains("frame-ancestors 'none'")
    );
    assert!(csp(&api).starts_with("default-src 'none'"));
    for r in [&spa, &docs, &api] {
        assert_eq!(
            r.header("strict-transport-security").as_deref(),
            Some("max-age=31536000; includeSubDomains")
        );
    }
    let plain = TestApp::new().await;
    let res = plain.get("/api/v1/health").send().await;
    assert_eq!(
        res.header("strict-transport-security"),
        None,
        "no HSTS over plain http"
    );
}

#[actix_web::test]
async fn a_new_api_keys_secret_is_not_kept_for_replays() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let body = json!({"name": "12345 市民热线", "scopes": ["complaints:read"], "area_id": app.area_id("雨花区").await});
    let issue = || {
        app.post("/api/v1/api-keys")
            .bearer(&admin)
            .header("Idempotency-Key", "issue-hotline-key-1")
            .json(&body)
            .send()
    };
    let first = issue().await;
    first.assert_status(201);
    let key = first.json()["key"]
        .as_str()
        .expect("the key, once")
        .to_owned();
    let stored = app
        .count(
            "SELECT count(*) AS n FROM idempotency_keys WHERE position($1::bytea IN response_body) > 0",
            &key,
        )
        .await;
    assert_eq!(stored, 0, "the secret is not in the idempotency store");
    let replay = issue().await;
    replay.assert_status(201);
    assert_eq!(
        replay.header("idempotent-replayed").as_deref(),
        Some("true")
    );
    let replayed = replay.json();
    assert_eq!(replayed["api_key"], first.json()["api_key"]);
    let masked = replayed["key"].as_str().unwrap_or_default();
    assert!(masked.ends_with('…') && !masked.contains(&key), "{masked}");
}

#[actix_web::test]
async fn a_duplicate_names_the_field_and_never_the_database_constraint() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let compound = app.compound().create().await;
    let body = json!({"kind": "compound_party_branch", "name": "测试党支部", "area_id": compound.id, "compound_ids": [compound.id]});
    app.post("/api/v1/organisations")
        .bearer(&admin)
        .json(&body)
        .send()
        .await
        .assert_status(201);
    let again = app
        .post("/api/v1/organisations")
        .bearer(&admin)
        .json(&body)
        .send()
        .await;
    let problem = again.assert_problem(422, "validation_failed");
    assert!(problem["errors"]["name"].is_array());
    assert!(
        !again.text().contains("organisations_unique_name"),
        "no constraint name leaves the server"
    );
}

/// Uploads `bytes` as a photo of a complaint the administrator files; the answer.
async fn upload_photo(app: &TestApp, bytes: Vec<u8>) -> (String, linli_tests::Response) {
    let compound = app.compound().create().await;
    let complaint = app.complaint(compound.id).create().await;
    let id = complaint["id"].as_str().expect("an id").to_owned();
    let admin = app.token_for("admin").await;
    let res = app
        .post(&format!(
            "/api/v1/complaints/{id}/attachments?name=home.jpg"
        ))
        .bearer(&admin)
        .raw("image/jpeg", bytes)
        .send()
        .await;
    (admin, res)
}

#[actix_web::test]
async fn a_photo_keeps_its_picture_but_not_the_gps_position_of_the_home() {
    let app = TestApp::new().await;
    let original = linli_tests::images::jpeg_with_gps();
    assert!(original.windows(6).any(|w| w == linli_tests::images::EXIF));
    let (admin, res) = upload_photo(&app, original).await;
    res.assert_status(201);
    let url = res.json()["attachments"][0]["url"]
        .as_str()
        .expect("a url")
        .to_owned();
    let kept = app.get_as(&admin, &url).await;
    kept.assert_status(200);
    assert!(
        !kept.body.windows(6).any(|w| w == linli_tests::images::EXIF),
        "no EXIF segment (and with it no GPS position) is kept"
    );
    assert!(linli_tests::images::is_picture(&kept.body, 16, 16));
}

#[actix_web::test]
async fn an_image_that_would_unpack_into_gigabytes_is_refused() {
    let app = TestApp::new().await;
    let bomb = linli_tests::images::png_claiming(60_000, 60_000);
    let (_, res) = upload_photo(&app, bomb).await;
    res.assert_problem(422, "image_too_large");
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM complaint_attachments WHERE $1 = $1",
            ""
        )
        .await,
        0
    );
}

#[actix_web::test]
async fn exports_are_rate_limited_per_caller() {
    let app = TestApp::new().await;
    let admin = app.token_for("admin").await;
    let burst = linli_domain::rate::Expensive::Export.rate().burst;
    for _ in 0..burst {
        app.get_as(&admin, "/api/v1/compounds/export")
            .await
            .assert_status(200);
    }
    let refused = app.get_as(&admin, "/api/v1/compounds/export").await;
    refused.assert_problem(429, "rate_limited");
    let wait: u64 = refused
        .header("retry-after")
        .and_then(|s| s.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=6).contains(&wait), "{wait}");
    let other = app.token_for("houjiatang").await;
    app.get_as(&other, "/api/v1/compounds/export")
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_hundred_parallel_wrong_passwords_get_exactly_the_limit_checked() {
    let app = TestApp::with(linli_tests::pool_settings(40), |_| {}).await;
    let limit = linli_domain::throttle::MAX_FAILURES_PER_ACCOUNT;
    // From a hundred addresses, so only the account's limit applies.
    let attempts = (0..100).map(|i| {
        app.post("/api/v1/auth/login")
            .peer(&format!("198.51.100.{}:4000", i + 1))
            .json(&json!({"username": "admin", "password": "wrong"}))
            .send()
    });
    let answers = futures_util::future::join_all(attempts).await;
    let status = |code: u16| {
        i64::try_from(answers.iter().filter(|r| r.status.as_u16() == code).count())
            .expect("a count")
    };
    assert_eq!(
        status(401),
        limit,
        "only the limit's worth had their password checked"
    );
    assert_eq!(status(429), 100 - limit);
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM login_attempts WHERE username = $1 AND NOT succeeded",
            "admin"
        )
        .await,
        limit,
        "refused attempts leave no trace that would lengthen the wait"
    );
}
