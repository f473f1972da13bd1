//! Webhooks: signed deliveries, retries, 410, leases, concurrency, SSRF, rotation.

use std::time::{Duration, Instant};

use linli::relay::{Relay, RelaySettings};
use linli_tests::text;
use linli_tests::{
    TestApp,
    receiver::{Receiver, verify_signature},
};
use serde_json::{Value, json};

async fn app() -> TestApp {
    TestApp::with(linli_tests::pool_settings(20), |s| {
        s.webhook_allow_hosts = vec!["127.0.0.1".to_owned()];
    })
    .await
}

/// The test relay's settings: the receiver's host allowed, short timeouts.
fn relay_settings() -> RelaySettings {
    RelaySettings {
        allow_hosts: vec!["127.0.0.1".to_owned()],
        timeout: Duration::from_secs(2),
        batch: 64,
        idle: Duration::from_millis(20),
    }
}

fn relay(app: &TestApp) -> Relay {
    Relay::new(app.state.db.clone(), relay_settings()).unwrap_or_else(|e| panic!("{e}"))
}

/// Subscribes the receiver to `types` over 雨花区; returns (id, secret).
async fn subscribe(app: &TestApp, receiver: &Receiver, types: Value) -> (String, String) {
    let admin = app.token_for("admin").await;
    let res = app.post_as(&admin, "/api/v1/webhook-subscriptions", &json!({"url": receiver.url, "event_types": types, "area_id": app.area_id("雨花区").await})).await;
    res.assert_status(201);
    let body = res.json();
    assert!(
        body["secret"]
            .as_str()
            .is_some_and(|s| s.starts_with("whsec_"))
    );
    (
        body["subscription"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        body["secret"]
            .as_str()
            .expect("the answer carries its secret")
            .to_owned(),
    )
}

/// Changes 卫技新村's household count through the API.
async fn update_weiji(app: &TestApp, households: i64) {
    let admin = app.token_for("admin").await;
    let uri = format!("/api/v1/compounds/{}", app.area_id("卫技新村").await);
    let read = app.get_as(&admin, &uri).await;
    let etag = read.header("etag").expect("the answer carries an ETag");
    let mut body = read.json();
    body["household_count"] = json!(households);
    app.put(&uri)
        .bearer(&admin)
        .header("if-match", &etag)
        .json(&body)
        .send()
        .await
        .assert_status(200);
}

async fn drain(relay: &Relay) {
    for _ in 0..50 {
        if relay.run_once().await.unwrap_or(0) == 0 {
            return;
        }
    }
}

#[actix_web::test]
async fn an_update_reaches_the_subscriber_correctly_signed_within_a_second() {
    let app = app().await;
    let receiver = Receiver::start().await;
    let (_, secret) = subscribe(&app, &receiver, json!(["compound.*"])).await;
    let worker = relay(&app);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    actix_web::rt::spawn(worker.run(async {
        let _ = stop_rx.await;
    }));
    let started = Instant::now();
    update_weiji(&app, 300).await;
    let got = receiver.wait_for(1, Duration::from_secs(3)).await;
    let elapsed = started.elapsed();
    let _ = stop_tx.send(());
    assert_eq!(got.len(), 1, "one delivery");
    assert!(
        elapsed < Duration::from_secs(1),
        "delivered after {elapsed:?}"
    );
    let delivery = &got[0];
    assert_eq!(verify_signature(&secret, delivery), [true]);
    assert!(
        verify_signature(
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            delivery
        ) == [false]
    );
    let body: Value = serde_json::from_slice(&delivery.body).unwrap_or_default();
    assert_eq!(body["type"], "compound.updated");
    assert_eq!(body["id"], delivery.webhook_id.as_str());
    assert_eq!(body["data"]["changed"], json!(["household_count"]));
    assert_eq!(body["subject_type"], "compound");
    let skew = chrono::Utc::now().timestamp() - delivery.timestamp.parse::<i64>().unwrap_or(0);
    assert!((0..5).contains(&skew));
}

#[actix_web::test]
async fn failures_are_retried_on_schedule_and_410_disables_the_subscription() {
    let app = app().await;
    let receiver = Receiver::start().await;
    let (id, _) = subscribe(&app, &receiver, json!(["compound.updated"])).await;
    let worker = relay(&app);
    receiver.script(&[500]);
    update_weiji(&app, 301).await;
    drain(&worker).await;
    assert_eq!(receiver.received().len(), 1);
    let admin = app.token_for("admin").await;
    let deliveries = app
        .get_as(
            &admin,
            &format!("/api/v1/webhook-subscriptions/{id}/deliveries"),
        )
        .await
        .json();
    let d = &deliveries["items"][0];
    assert_eq!(d["status"], "pending");
    assert_eq!(d["attempts"], 1);
    assert_eq!(d["log"][0]["status_code"], 500);
    // First retry after 5 s ± 20 %.
    let wait = app
        .count("SELECT extract(epoch FROM next_attempt_at - linli_now())::bigint AS n FROM webhook_deliveries WHERE $1 = $1", "")
        .await;
    assert!((2..=6).contains(&wait), "next attempt in {wait} s");
    // Not sent again before it is due.
    drain(&worker).await;
    assert_eq!(receiver.received().len(), 1);
    app.sql("UPDATE webhook_deliveries SET next_attempt_at = linli_now()")
        .await;
    drain(&worker).await;
    let got = receiver.received();
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[0].webhook_id, got[1].webhook_id,
        "retries keep the webhook-id"
    );
    let deliveries = app
        .get_as(
            &admin,
            &format!("/api/v1/webhook-subscriptions/{id}/deliveries"),
        )
        .await
        .json();
    assert_eq!(deliveries["items"][0]["status"], "delivered");
    assert_eq!(
        deliveries["items"][0]["log"].as_array().map(Vec::len),
        Some(2)
    );

    receiver.script(&[410]);
    update_weiji(&app, 302).await;
    drain(&worker).await;
    let sub = app
        .get_as(&admin, &format!("/api/v1/webhook-subscriptions/{id}"))
        .await
        .json();
    assert_eq!(sub["active"], false);
    assert!(
        sub["disabled_reason"]
            .as_str()
            .is_some_and(|r| r.contains("410"))
    );
    update_weiji(&app, 303).await;
    drain(&worker).await;
    assert_eq!(
        receiver.received().len(),
        3,
        "nothing goes to a receiver that answered 410"
    );
}

#[actix_web::test]
async fn a_relay_killed_between_send_and_mark_redelivers_with_the_same_id() {
    let app = app().await;
    let receiver = Receiver::start().await;
    subscribe(&app, &receiver, json!(["compound.*"])).await;
    update_weiji(&app, 310).await;
    receiver.delay(Duration::from_millis(800));
    let worker = relay(&app);
    // The relay sends, and is stopped before it can record the answer.
    let run = worker.run_once();
    let wait = receiver.wait_for(1, Duration::from_secs(3));
    futures_util::pin_mut!(run);
    futures_util::pin_mut!(wait);
    let first = match futures_util::future::select(run, wait).await {
        futures_util::future::Either::Right((got, _cancelled_relay)) => got,
        futures_util::future::Either::Left(_) => {
            panic!("the relay finished before the receiver answered")
        }
    };
    assert_eq!(first.len(), 1);
    receiver.delay(Duration::ZERO);
    // Its lease keeps others off until it runs out.
    drain(&relay(&app)).await;
    assert_eq!(receiver.received().len(), 1);
    app.sql("UPDATE webhook_deliveries SET locked_until = linli_now() - interval '1 second'")
        .await;
    drain(&relay(&app)).await;
    let got = receiver.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].webhook_id, got[1].webhook_id);
    let delivered = app
        .count(
            "SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'delivered' AND $1 = $1",
            "",
        )
        .await;
    assert_eq!(delivered, 1);
}

#[actix_web::test]
async fn two_relays_send_each_delivery_exactly_once() {
    let app = app().await;
    let receiver = Receiver::start().await;
    subscribe(&app, &receiver, json!(["*"])).await;
    for i in 0..40 {
        update_weiji(&app, 400 + i).await;
    }
    let (a, b) = (relay(&app), relay(&app));
    futures_util::future::join(drain(&a), drain(&b)).await;
    let got = receiver.received();
    let mut ids: Vec<&str> = got.iter().map(|r| r.webhook_id.as_str()).collect();
    ids.sort_unstable();
    let total = ids.len();
    ids.dedup();
    assert_eq!((total, ids.len()), (40, 40));
}

#[actix_web::test]
async fn a_rotated_secret_signs_alongside_the_old_one() {
    let app = app().await;
    let receiver = Receiver::start().await;
    let (id, old) = subscribe(&app, &receiver, json!(["compound.updated"])).await;
    let admin = app.token_for("admin").await;
    let rotated = app
        .post(&format!("/api/v1/webhook-subscriptions/{id}/rotate-secret"))
        .bearer(&admin)
        .send()
        .await;
    rotated.assert_status(200);
    let new = text(&rotated.json()["secret"]);
    assert_ne!(new, old);
    update_weiji(&app, 320).await;
    drain(&relay(&app)).await;
    let got = receiver.received();
    assert_eq!(verify_signature(&new, &got[0]), [true, false]);
    assert_eq!(verify_signature(&old, &got[0]), [false, true]);
    // Manual redelivery sends the same message again.
    let deliveries = app
        .get_as(
            &admin,
            &format!("/api/v1/webhook-subscriptions/{id}/deliveries"),
        )
        .await
        .json();
    let delivery = text(&deliveries["items"][0]["id"]);
    app.post(&format!(
        "/api/v1/webhook-subscriptions/{id}/deliveries/{delivery}/redeliver"
    ))
    .bearer(&admin)
    .send()
    .await
    .assert_status(202);
    drain(&relay(&app)).await;
    let got = receiver.received();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].webhook_id, got[1].webhook_id);
}

#[actix_web::test]
async fn internal_targets_and_unknown_types_are_refused() {
    let plain = TestApp::new().await;
    let admin = plain.token_for("admin").await;
    let area = plain.area_id("雨花区").await;
    for url in [
        "http://10.0.0.5/hook",
        "http://127.0.0.1:9/hook",
        "http://169.254.169.254/latest/meta-data",
        "file:///etc/passwd",
    ] {
        let res = plain
            .post("/api/v1/webhook-subscriptions")
            .bearer(&admin)
            .json(&json!({"url": url, "event_types": ["compound.*"], "area_id": area}))
            .send()
            .await;
        assert!(
            res.assert_problem(422, "validation_failed")["errors"]["url"].is_array(),
            "{url}"
        );
    }
    let res = plain
        .post("/api/v1/webhook-subscriptions")
        .bearer(&admin)
        .json(&json!({"url": "http://127.0.0.1:9/hook", "event_types": ["compound.deleted", "nothing.*"], "area_id": area}))
        .send()
        .await;
    let problem = res.assert_problem(422, "validation_failed");
    assert!(
        problem["errors"]["event_types[0]"].is_array()
            && problem["errors"]["event_types[1]"].is_array()
    );
    assert_eq!(
        plain
            .count(
                "SELECT count(*) AS n FROM webhook_subscriptions WHERE $1 = $1",
                ""
            )
            .await,
        0
    );
    let staff = plain.token_for("houjiatang").await;
    plain
        .get("/api/v1/webhook-subscriptions")
        .bearer(&staff)
        .send()
        .await
        .assert_problem(403, "forbidden");
}

#[actix_web::test]
async fn keys_subscribe_only_to_what_their_scopes_read() {
    let app = app().await;
    let area = app.area_id("侯家塘街道").await;
    let issue = |scopes: Value| {
        let app = &app;
        async move { app.api_key("数据平台", scopes, area).await.0 }
    };
    let full = issue(json!(["webhooks:manage", "registry:read"])).await;
    let bare = issue(json!(["webhooks:manage"])).await;
    let body =
        json!({"url": "http://127.0.0.1:9/hook", "event_types": ["compound.*"], "area_id": area});
    app.post("/api/v1/webhook-subscriptions")
        .api_key(&full)
        .json(&body)
        .send()
        .await
        .assert_status(201);
    let res = app
        .post("/api/v1/webhook-subscriptions")
        .api_key(&bare)
        .json(&body)
        .send()
        .await;
    assert!(res.assert_problem(422, "validation_failed")["errors"]["event_types[0]"].is_array());
    // A key's subscriptions live in its area.
    let outside = json!({"url": "http://127.0.0.1:9/hook", "event_types": ["compound.*"], "area_id": app.area_id("雨花区").await});
    app.post("/api/v1/webhook-subscriptions")
        .api_key(&full)
        .json(&outside)
        .send()
        .await
        .assert_problem(422, "validation_failed");
}

/// The deliveries of subscription `id`, as the district admin sees them.
async fn deliveries_of(app: &TestApp, id: &str) -> Value {
    let admin = app.token_for("admin").await;
    app.get(&format!("/api/v1/webhook-subscriptions/{id}/deliveries"))
        .bearer(&admin)
        .send()
        .await
        .json()
}

/// Answers a public address for the first lookup and `127.0.0.1` for every later one, as a
/// name under an attacker's control can (DNS rebinding); counts the lookups.
#[derive(Debug, Default)]
struct Rebinding {
    lookups: std::sync::atomic::AtomicUsize,
}

impl linli_app::webhooks::target::Lookup for Rebinding {
    fn lookup<'a>(
        &'a self,
        _host: &'a str,
    ) -> futures_util::future::BoxFuture<'a, std::io::Result<Vec<std::net::IpAddr>>> {
        let n = self
            .lookups
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let ip = if n == 0 {
            [93, 184, 215, 14]
        } else {
            [127, 0, 0, 1]
        };
        Box::pin(async move { Ok(vec![std::net::IpAddr::from(ip)]) })
    }
}

#[actix_web::test]
async fn a_name_that_turns_internal_after_it_was_checked_gets_no_delivery_through() {
    let app = app().await;
    let receiver = Receiver::start().await;
    let (id, _) = subscribe(&app, &receiver, json!(["compound.updated"])).await;
    let dns = std::sync::Arc::new(Rebinding::default());
    let url = receiver.url.replace("127.0.0.1", "rebind.linli.test");
    // When the subscription was saved, the name answered a public address.
    linli_app::webhooks::target::check_with(dns.as_ref(), &url, &[])
        .await
        .expect("a public address passes");
    app.sql(&format!(
        "UPDATE webhook_subscriptions SET url = '{url}' WHERE id = '{id}'"
    ))
    .await;
    let worker = Relay::resolving_with(app.state.db.clone(), relay_settings(), dns.clone())
        .unwrap_or_else(|e| panic!("{e}"));
    update_weiji(&app, 311).await;
    drain(&worker).await;
    assert!(
        receiver.received().is_empty(),
        "nothing reaches the internal address the name turned into"
    );
    assert_eq!(
        dns.lookups.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "resolved once when saved and once for the delivery, whose connection used that answer"
    );
    let deliveries = deliveries_of(&app, &id).await;
    let d = &deliveries["items"][0];
    assert_eq!(d["last_error"], "目标地址不被允许 / target refused");
    assert_eq!(
        d["log"][0]["error"], "目标地址不被允许 / target refused",
        "the subscriber learns the kind of failure, not what answered inside"
    );
}

#[actix_web::test]
async fn a_receiver_that_cannot_be_reached_is_reported_without_the_error_text() {
    let app = app().await;
    let receiver = Receiver::start().await;
    let (id, _) = subscribe(&app, &receiver, json!(["compound.updated"])).await;
    // A port nobody listens on (allow-listed host, so only the connection fails).
    app.sql(&format!(
        "UPDATE webhook_subscriptions SET url = 'http://127.0.0.1:9/hook' WHERE id = '{id}'"
    ))
    .await;
    update_weiji(&app, 312).await;
    drain(&relay(&app)).await;
    assert_eq!(
        deliveries_of(&app, &id).await["items"][0]["last_error"],
        "无法连接 / could not connect"
    );
}
