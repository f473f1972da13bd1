use linli_domain::policy::Role;
use linli_tests::{DEMO_PASSWORD, TestApp};
use serde_json::json;

async fn attempt(
    app: &TestApp,
    username: &str,
    password: &str,
    peer: &str,
) -> linli_tests::Response {
    app.post("/api/v1/auth/login")
        .peer(peer)
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
}

#[actix_web::test]
async fn the_sixth_attempt_after_five_failures_is_refused_even_with_the_right_password() {
    let app = TestApp::new().await;
    for _ in 0..5 {
        attempt(&app, "admin", "wrong", "127.0.0.1:4000")
            .await
            .assert_problem(401, "invalid_credentials");
    }
    let refused = attempt(&app, "admin", DEMO_PASSWORD, "127.0.0.1:4000").await;
    refused.assert_problem(429, "too_many_attempts");
    let retry_after: i64 = refused
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    assert!(
        (1..=900).contains(&retry_after),
        "Retry-After {retry_after}"
    );
    // Unknown accounts are throttled the same way (no way to tell them apart).
    for _ in 0..5 {
        attempt(&app, "ghost", "wrong", "127.0.0.1:4001")
            .await
            .assert_status(401);
    }
    attempt(&app, "ghost", "wrong", "127.0.0.1:4001")
        .await
        .assert_problem(429, "too_many_attempts");
    // Other accounts are unaffected.
    attempt(&app, "ziyuan", DEMO_PASSWORD, "127.0.0.1:4002")
        .await
        .assert_status(200);
    // Once the failures leave the window, the account works again.
    app.sql("UPDATE login_attempts SET at = at - interval '16 minutes' WHERE username = 'admin'")
        .await;
    attempt(&app, "admin", DEMO_PASSWORD, "127.0.0.1:4000")
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_success_clears_the_account_count() {
    let app = TestApp::new().await;
    let user = app.user_over(Role::CommunityStaff, "梓园社区").await;
    let username = user.username.as_str();
    // Four failures and a success, twice: the success each time starts the count again.
    for _ in 0..2 {
        for _ in 0..4 {
            attempt(&app, username, "wrong", "127.0.0.1:4100")
                .await
                .assert_status(401);
        }
        attempt(&app, username, DEMO_PASSWORD, "127.0.0.1:4100")
            .await
            .assert_status(200);
    }
}

#[actix_web::test]
async fn one_client_address_spraying_many_accounts_is_throttled() {
    let app = TestApp::new().await;
    for i in 0..20 {
        attempt(&app, &format!("user{i}"), "wrong", "127.0.0.9:5000")
            .await
            .assert_status(401);
    }
    attempt(&app, "admin", DEMO_PASSWORD, "127.0.0.9:5000")
        .await
        .assert_problem(429, "too_many_attempts");
    attempt(&app, "admin", DEMO_PASSWORD, "127.0.0.10:5000")
        .await
        .assert_status(200);
}
