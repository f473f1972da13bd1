//! The webhook relay: sequences committed events, claims due deliveries and sends them.
//!
//! Several relays (in several `linli` processes) may run at once: deliveries are claimed
//! with `FOR UPDATE SKIP LOCKED` under a lease, so no delivery is sent by two relays at
//! the same time, and one whose relay died mid-send goes out again after the lease ends,
//! with the same `webhook-id` so receivers can drop the duplicate.

use std::{
    net::SocketAddr,
    sync::Arc,
    time::{Duration, Instant},
};

use linli_app::webhooks::target::{self as webhook_target, Lookup, SystemDns};
use linli_http::dto::webhook::EventEnvelope;
use linli_persistence::{
    Db, StoreError, events,
    webhooks::{self, ClaimedDelivery, Outcome},
};

use linli_domain::webhook::is_internal_address;

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
    /// For targets off the allow-list: names resolve through [`PublicOnly`].
    client: reqwest::Client,
    /// For targets the operator allow-listed (which may be internal).
    allowed_client: reqwest::Client,
    settings: RelaySettings,
}

/// The resolver of deliveries: each name is resolved once, and refused when any of its
/// addresses is internal; the connection then goes to exactly the addresses checked, so a
/// name that answered a public address when the subscription was saved and answers
/// `127.0.0.1` now (DNS rebinding) reaches nothing.
#[derive(Debug)]
struct PublicOnly(Arc<dyn Lookup>);

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let dns = Arc::clone(&self.0);
        Box::pin(async move {
            let addresses = webhook_target::public_addresses(dns.as_ref(), name.as_str())
                .await
                .map_err(|unusable| -> Box<dyn std::error::Error + Send + Sync> {
                    Box::new(unusable)
                })?;
            let addrs: reqwest::dns::Addrs =
                Box::new(addresses.into_iter().map(|ip| SocketAddr::new(ip, 0)));
            Ok(addrs)
        })
    }
}

/// What a subscriber is told of a failed delivery: the kind of failure, never the text of
/// the error (which could tell what answers inside the network).
mod told {
    pub const REFUSED: &str = "目标地址不被允许 / target refused";
    pub const TIMED_OUT: &str = "超时 / timed out";
    pub const NO_CONNECTION: &str = "无法连接 / could not connect";
}

/// The lease outlives the request timeout so a slow receiver is never sent to twice.
fn lease_secs(timeout: Duration) -> i64 {
    i64::try_from(timeout.as_secs()).unwrap_or(10) * 3 + 5
}

impl Relay {
    /// A relay with its own HTTP client (TLS with the system's root certificates; no
    /// redirects, since a redirect could point at an internal address).
    pub fn new(db: Db, settings: RelaySettings) -> Result<Self, String> {
        Self::resolving_with(db, settings, Arc::new(SystemDns))
    }

    /// A relay whose host names are resolved by `dns` (checked as the system's answers are).
    pub fn resolving_with(
        db: Db,
        settings: RelaySettings,
        dns: Arc<dyn Lookup>,
    ) -> Result<Self, String> {
        // Several callers may race to install it; any one of them winning is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let builder = || {
            reqwest::Client::builder()
                .timeout(settings.timeout)
                .redirect(reqwest::redirect::Policy::none())
                .user_agent(concat!("Linli-Webhooks/", env!("CARGO_PKG_VERSION")))
        };
        let built = |b: reqwest::ClientBuilder| {
            b.build()
                .map_err(|e| format!("cannot build the webhook HTTP client: {e}"))
        };
        let client = built(builder().dns_resolver(Arc::new(PublicOnly(dns))))?;
        let allowed_client = built(builder())?;
        Ok(Relay {
            db,
            client,
            allowed_client,
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
        let mut conn = self.db.conn().await?;
        webhooks::record_attempt(&mut conn, &delivery, &outcome, latency).await
    }

    async fn send(&self, delivery: &ClaimedDelivery) -> Outcome {
        // The subscriber is told `error`; `detail` goes to the log only.
        let failed = |status: Option<u16>, error: &str, detail: String| {
            log::info!(
                "webhook {} to {} failed (attempt {}): {detail}",
                delivery.id,
                delivery.url,
                delivery.attempt
            );
            Outcome::Failed {
                status,
                error: error.to_owned(),
                retry_at: linli_domain::webhook::retry_delay_secs(delivery.attempt, rand_unit())
                    .map(|s| self.db.clock().now() + chrono::Duration::seconds(s)),
            }
        };
        let target = match webhook_target::parse(&delivery.url, &self.settings.allow_hosts) {
            Ok(t) => t,
            Err(reason) => return failed(None, told::REFUSED, reason),
        };
        // A literal address never reaches the resolver, so it is checked here; names are
        // checked by the resolver, once, on the addresses the connection then uses.
        if !target.allowed && target.literal().is_some_and(is_internal_address) {
            return failed(None, told::REFUSED, webhook_target::INTERNAL.to_owned());
        }
        let client = if target.allowed {
            &self.allowed_client
        } else {
            &self.client
        };
        let body =
            serde_json::to_vec(&EventEnvelope::from(delivery.event.clone())).unwrap_or_default();
        let msg_id = delivery.event.event_id.to_string();
        // The signature's timestamp is a protocol field the receiver checks against its own
        // clock, so it is the system time even when a demo runs on a shifted clock.
        let timestamp = chrono::Utc::now().timestamp();
        let response = client
            .post(target.url)
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
            Ok(r) => {
                let status = r.status().as_u16();
                let told = format!("接收方回应 {status} / receiver answered {status}");
                failed(Some(status), &told, told.clone())
            }
            Err(e) if e.is_timeout() => failed(None, told::TIMED_OUT, e.to_string()),
            Err(e) if refused_by_resolver(&e) => failed(None, told::REFUSED, e.to_string()),
            Err(e) => failed(None, told::NO_CONNECTION, e.to_string()),
        }
    }
}

/// Whether a send failed because the resolver refused the target's addresses.
fn refused_by_resolver(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        if e.downcast_ref::<webhook_target::Unusable>()
            .is_some_and(|u| *u == webhook_target::Unusable::Internal)
        {
            return true;
        }
        source = e.source();
    }
    false
}

/// A uniform number in `[0, 1)` for jitter.
fn rand_unit() -> f64 {
    use rand::Rng;
    rand::rng().random::<f64>()
}
