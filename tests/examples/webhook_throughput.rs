//! Webhook delivery throughput to a local receiver.
//!
//! ```text
//! cargo run --release -p linli-tests --example webhook_throughput -- [EVENTS] [RELAYS]
//! ```
//!
//! Creates a fresh database from the test template, subscribes a receiver on 127.0.0.1,
//! writes EVENTS events (default 5000) through the outbox, then runs RELAYS relays
//! (default 2) until every delivery is sent, and prints deliveries per second.

use std::time::{Duration, Instant};

use diesel_async::{AsyncConnection, AsyncPgConnection};
use linli::relay::{Relay, RelaySettings};
use linli_persistence::{StoreError, events};
use linli_tests::{TestApp, receiver::Receiver};
use serde_json::json;

#[actix_web::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let total: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5000);
    let relays: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let app = TestApp::with(linli_tests::pool_settings(32), |s| {
        s.webhook_allow_hosts = vec!["127.0.0.1".to_owned()];
    })
    .await;
    let receiver = Receiver::start().await;
    let admin = app.token_for("admin").await;
    app.post("/api/v1/webhook-subscriptions")
        .bearer(&admin)
        .json(&json!({"url": receiver.url, "event_types": ["*"], "area_id": app.area_id("雨花区").await}))
        .send()
        .await
        .assert_status(201);
    eprintln!("writing {total} events ...");
    let mut conn = app.conn().await;
    for chunk in 0..total.div_ceil(500) {
        let n = (total - chunk * 500).min(500);
        let written = (&mut *conn as &mut AsyncPgConnection)
            .transaction::<_, StoreError, _>(async |tx| {
                for i in 0..n {
                    events::emit(
                        tx,
                        events::NewEvent {
                            event_type: "compound.updated",
                            area_path: None,
                            subject_type: "compound",
                            subject_id: format!("bench-{chunk}-{i}"),
                            payload: json!({"changed": ["household_count"]}),
                        },
                    )
                    .await?;
                }
                Ok(())
            })
            .await;
        if let Err(e) = written {
            panic!("writing events: {e}");
        }
    }
    drop(conn);
    let settings = RelaySettings {
        allow_hosts: vec!["127.0.0.1".to_owned()],
        timeout: Duration::from_secs(5),
        batch: 64,
        idle: Duration::from_millis(10),
    };
    eprintln!("delivering with {relays} relay(s) ...");
    let started = Instant::now();
    let workers = (0..relays).map(|_| {
        let relay =
            Relay::new(app.state.db.clone(), settings.clone()).unwrap_or_else(|e| panic!("{e}"));
        async move {
            let mut idle_passes = 0;
            while idle_passes < 3 {
                match relay.run_once().await {
                    Ok(0) => idle_passes += 1,
                    Ok(_) => idle_passes = 0,
                    Err(e) => panic!("relay: {e}"),
                }
            }
        }
    });
    futures_util::future::join_all(workers).await;
    let elapsed = started.elapsed();
    let received = receiver.received();
    let mut ids: Vec<&str> = received.iter().map(|r| r.webhook_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    println!(
        "webhooks: {} deliveries ({} distinct) by {relays} relay(s) in {:.2} s = {:.0} deliveries/s",
        received.len(),
        ids.len(),
        elapsed.as_secs_f64(),
        received.len() as f64 / elapsed.as_secs_f64()
    );
}
