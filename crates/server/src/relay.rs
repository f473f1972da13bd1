//! The webhook relay: sequences committed events, claims due deliveries and sends them.
//!
//! Several relays (in several `linli` processes) may run at once: deliveries are claimed
//! with `FOR UPDATE SKIP LOCKED` under a lease, so no delivery is sent by two relays at
//! the same time, and one whose relay died mid-send goes out again after the lease ends,
//! with the same `webhook-id` so receivers can drop the duplicate.

use std::time::{Duration, Instant};

use linli_app::webhooks::target as webhook_target;
use linli_http::dto::webhook::EventEnvelope;
use linli_persistence::{
    Db, StoreError, events,
    webhooks::{self, ClaimedDelivery, Outcome},
};

use crate::signature;

/// How the relay behaves.
#[derive(Debug, Clone)]
pub struct RelaySettings {
    /// Hosts deliveries may reach although they are internal (`LINLI_WEBHOOK_ALLOW_HOSTS`).
    pub allow_hosts: Vec<String>,
    /// Per-request timeout.
    pub timeout: Duration,
    /// Deliveries claimed per pass (sent concurrently).
    pub batch: i64,
    /// Idle wait between passes that found nothing.
    pub idle: Duration,
}

impl Default for RelaySettings {
    fn default() -> Self {
        RelaySettings {
            allow_hosts: Vec::new(),
            timeout: Duration::from_secs(10),
            batch: 64,
            idle: Duration::from_millis(200),
        }
    }
}

/// A relay worker.
#[derive(Debug, Clone)]
pub struct Relay {
    db: Db,
    client: reqwest::Client,
    settings: RelaySettings,
}

/// The lease outlives the request timeout so a slow receiver is never sent to twice.
fn lease_secs(timeout: Duration) -> i64 {
    i64::try_from(timeout.as_secs()).unwrap_or(10) * 3 + 5
}

impl Relay {
    /// A relay with its own HTTP client (TLS with the system's root certificates; no
    /// redirects, since a redirect could point at an internal address).
    pub fn new(db: Db, settings: RelaySettings) -> Result<Self, String> {
        // Several callers may race to install it; any one of them winning is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Linli-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the webhook HTTP client: {e}"))?;
        Ok(Relay {
            db,
            client,
            settings,
        })
    }

    /// One pass: sequence new events, claim due deliveries, send them. Returns how many
    /// deliveries were attempted.
    pub async fn run_once(&self) -> Result<usize, StoreError> {
        let mut conn = self.db.conn().await?;
        events::sequence(&mut conn).await?;
        let claimed = webhooks::claim_due(
            &mut conn,
            self.settings.batch,
            lease_secs(self.settings.timeout),
        )
        .await?;
        drop(conn);
        let count = claimed.len();
        let results =
            futures_util::future::join_all(claimed.into_iter().map(|d| self.deliver(d))).await;
        for result in results {
            result?;
        }
        Ok(count)
    }

    /// Runs until `stop` resolves, pausing when there is nothing to do.
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        let mut stop = std::pin::pin!(stop);
        loop {
            let idle = match self.run_once().await {
                Ok(0) => true,
                Ok(_) => false,
                Err(e) => {
                    log::warn!("webhook relay: {e}");
                    true
                }
            };
            if idle {
                tokio::select! {
                    _ = &mut stop => return,
                    _ = tokio::time::sleep(self.settings.idle) => {}
                }
            }
        }
    }

    async fn deliver(&self, delivery: ClaimedDelivery) -> Result<(), StoreError> {
        let started = Instant::now();
        let outcome = self.send(&delivery).await;
        let latency = i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX);
        if let Outcome::Failed { error, .. } = &outcome {
            log::info!(
                "webhook {} to {} failed (attempt {}): {error}",
                delivery.id,
                delivery.url,
                delivery.attempt
            );
        }
        let mut conn = self.db.conn().await?;
        webhooks::record_attempt(&mut conn, &delivery, &outcome, latency).await
    }

    async fn send(&self, delivery: &ClaimedDelivery) -> Outcome {
        let failed = |status: Option<u16>, error: String| Outcome::Failed {
            status,
            error,
            retry_at: linli_domain::webhook::retry_delay_secs(delivery.attempt, rand_unit())
                .map(|s| self.db.clock().now() + chrono::Duration::seconds(s)),
        };
        if let Err(reason) = webhook_target::check(&delivery.url, &self.settings.allow_hosts).await
        {
            return failed(None, format!("target refused: {reason}"));
        }
        let body =
            serde_json::to_vec(&EventEnvelope::from(delivery.event.clone())).unwrap_or_default();
        let msg_id = delivery.event.event_id.to_string();
        // The signature's timestamp is a protocol field the receiver checks against its own
        // clock, so it is the system time even when a demo runs on a shifted clock.
        let timestamp = chrono::Utc::now().timestamp();
        let response = self
            .client
            .post(&delivery.url)
            .header("content-type", "application/json")
            .header("webhook-id", &msg_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header(
                "webhook-signature",
                signature::header(&delivery.secrets, &msg_id, timestamp, &body),
            )
            .body(body)
            .send()
            .await;
        match response {
            Ok(r) if r.status().is_success() => Outcome::Delivered {
                status: r.status().as_u16(),
            },
            Ok(r) if r.status().as_u16() == 410 => Outcome::Gone,
            Ok(r) => failed(
                Some(r.status().as_u16()),
                format!("receiver answered {}", r.status()),
            ),
            Err(e) if e.is_timeout() => failed(None, "timed out".to_owned()),
            Err(e) => failed(None, format!("could not send: {e}")),
        }
    }
}

/// A uniform number in `[0, 1)` for jitter.
fn rand_unit() -> f64 {
    use rand::Rng;
    rand::rng().random::<f64>()
}
