//! A webhook receiver on 127.0.0.1 for tests: records every request and answers with
//! scripted statuses (200 once the script is used up), optionally after a delay.

use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub webhook_id: String,
    pub timestamp: String,
    pub signature: String,
    pub body: Vec<u8>,
    pub at: Instant,
}

#[derive(Debug, Default)]
struct Shared {
    received: Vec<Received>,
    script: VecDeque<u16>,
    delay: Duration,
}

/// A running receiver.
#[derive(Debug, Clone)]
pub struct Receiver {
    pub url: String,
    shared: Arc<Mutex<Shared>>,
}

impl Receiver {
    /// Starts a receiver on a free port.
    pub async fn start() -> Receiver {
        let shared = Arc::new(Mutex::new(Shared::default()));
        let state = shared.clone();
        let server = HttpServer::new(move || {
            let state = state.clone();
            App::new().default_service(web::to(move |req: HttpRequest, body: web::Bytes| {
                let state = state.clone();
                async move {
                    let header = |name: &str| {
                        req.headers()
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    let (status, delay) = {
                        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
                        s.received.push(Received {
                            webhook_id: header("webhook-id"),
                            timestamp: header("webhook-timestamp"),
                            signature: header("webhook-signature"),
                            body: body.to_vec(),
                            at: Instant::now(),
                        });
                        (s.script.pop_front().unwrap_or(200), s.delay)
                    };
                    if !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                    HttpResponse::build(
                        actix_web::http::StatusCode::from_u16(status)
                            .unwrap_or(actix_web::http::StatusCode::OK),
                    )
                    .finish()
                }
            }))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap_or_else(|e| panic!("receiver: {e}"));
        let port = server.addrs().first().map(|a| a.port()).unwrap_or_default();
        actix_web::rt::spawn(server.run());
        Receiver {
            url: format!("http://127.0.0.1:{port}/hooks/linli"),
            shared,
        }
    }

    /// Answers the next requests with these statuses.
    pub fn script(&self, statuses: &[u16]) {
        if let Ok(mut s) = self.shared.lock() {
            s.script.extend(statuses.iter().copied());
        }
    }

    /// Delays every answer.
    pub fn delay(&self, delay: Duration) {
        if let Ok(mut s) = self.shared.lock() {
            s.delay = delay;
        }
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared
            .lock()
            .map(|s| s.received.clone())
            .unwrap_or_default()
    }

    /// Waits until at least `n` requests arrived (or `timeout` passes).
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Received> {
        let deadline = Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= n || Instant::now() > deadline {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

/// Verifies a Standard Webhooks signature header with HMAC-SHA256 directly (not through
/// the server's signer), returning which of the space-separated signatures matched.
pub fn verify_signature(secret: &str, received: &Received) -> Vec<bool> {
    use base64::{Engine, engine::general_purpose::STANDARD};
    use hmac::{Hmac, Mac};
    let key = STANDARD
        .decode(secret.trim_start_matches("whsec_"))
        .unwrap_or_default();
    let mut signed = Vec::new();
    signed.extend_from_slice(received.webhook_id.as_bytes());
    signed.push(b'.');
    signed.extend_from_slice(received.timestamp.as_bytes());
    signed.push(b'.');
    signed.extend_from_slice(&received.body);
    received
        .signature
        .split(' ')
        .map(|part| {
            let Some(sig) = part.strip_prefix("v1,") else {
                return false;
            };
            let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(&key) else {
                return false;
            };
            mac.update(&signed);
            STANDARD
                .decode(sig)
                .is_ok_and(|bytes| mac.verify_slice(&bytes).is_ok())
        })
        .collect()
}
