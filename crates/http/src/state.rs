//! What every handler can reach: the database, metrics and the settings.

use std::{path::PathBuf, sync::Arc, time::Duration};

use linli_persistence::Db;

use crate::metrics::Metrics;

/// How tokens are issued and checked.
#[derive(Clone)]
pub struct AuthSettings {
    /// HMAC key for HS256 access tokens (at least 32 bytes).
    pub jwt_secret: Vec<u8>,
    /// `iss` claim written and required.
    pub issuer: String,
    /// `aud` claim written and required.
    pub audience: String,
    /// Access token lifetime (at most 15 minutes).
    pub access_ttl: Duration,
    /// Refresh token lifetime.
    pub refresh_ttl: Duration,
    /// Clock skew tolerated when checking `exp` and `nbf`.
    pub leeway: Duration,
}

impl std::fmt::Debug for AuthSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthSettings")
            .field("jwt_secret", &"<redacted>")
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .field("access_ttl", &self.access_ttl)
            .field("refresh_ttl", &self.refresh_ttl)
            .field("leeway", &self.leeway)
            .finish()
    }
}

/// Everything the HTTP layer needs besides the database.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    pub auth: AuthSettings,
    /// Largest request body accepted, in bytes; larger bodies get 413.
    pub body_limit: usize,
    /// Built SPA assets served at `/` (absent: no SPA).
    pub static_dir: Option<PathBuf>,
    /// Proxies whose `X-Forwarded-For` is believed (`crate::client_addr`); empty: the
    /// client is the TCP peer.
    pub trusted_proxies: Vec<crate::client_addr::Cidr>,
    /// Origins allowed to call the API from a browser (CORS); empty: none.
    pub cors_origins: Vec<String>,
    /// Hosts (`host` or `host:port`) webhooks may reach although they resolve to internal
    /// addresses; empty: none.
    pub webhook_allow_hosts: Vec<String>,
    /// Where uploaded photos are stored.
    pub upload_dir: PathBuf,
    /// The address the public reaches Linli at (`LINLI_PUBLIC_URL`), when set: links in
    /// messages start with it, and an `https` one turns on HSTS.
    pub public_url: Option<String>,
}

impl HttpSettings {
    /// Whether the public reaches Linli over https.
    pub fn is_https(&self) -> bool {
        self.public_url
            .as_deref()
            .and_then(|u| u.get(..8))
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
    }
}

/// Shared application state (cheap to clone; one per worker).
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: HttpSettings,
    pub metrics: Arc<Metrics>,
    /// Rate limits of expensive operations, for this process.
    pub limits: Arc<crate::rate_limit::RateLimits>,
}

impl AppState {
    /// Admits `caller`'s expensive request of `kind` now, or refuses it with 429.
    pub fn limit(
        &self,
        caller: &crate::auth::Caller,
        kind: linli_domain::rate::Expensive,
    ) -> Result<(), crate::error::ApiError> {
        Ok(self.limits.admit(caller, kind, self.clock().now())?)
    }

    /// The one clock handlers read "now" and "today" from (the database's sessions follow it).
    pub fn clock(&self) -> linli_domain::clock::Clock {
        self.db.clock()
    }

    /// State with fresh metrics.
    pub fn new(db: Db, settings: HttpSettings) -> Self {
        AppState {
            db,
            settings,
            metrics: Arc::new(Metrics::default()),
            limits: Arc::default(),
        }
    }
}
