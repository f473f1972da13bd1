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
