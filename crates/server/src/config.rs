//! Configuration, from the environment only.

use std::{env, path::PathBuf, time::Duration};

use linli_domain::clock::Clock;
use linli_http::{AuthSettings, HttpSettings};
use linli_persistence::PoolSettings;

/// Every setting of the `linli` binary.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `DATABASE_URL` | — (required) | PostgreSQL URL, e.g. `postgres://postgres@127.0.0.1:5432/linli` |
/// | `LINLI_BIND` | `127.0.0.1:8080` | address the API, SPA and docs listen on |
/// | `LINLI_JWT_SECRET` | — (required unless `LINLI_DEMO=1`) | HS256 key for access tokens, at least 32 bytes |
/// | `LINLI_DEMO` | `0` | `1`: demo mode; a missing JWT secret is replaced by a random one per start |
/// | `LINLI_DEMO_PASSWORD` | `Linli@2026` | password `seed-demo` gives new demo users |
/// | `LINLI_JWT_ISSUER` | `linli` | `iss` claim written and required |
/// | `LINLI_JWT_AUDIENCE` | `linli-api` | `aud` claim written and required |
/// | `LINLI_ACCESS_TOKEN_TTL_SECS` | `900` | access token lifetime, 60 to 900 |
/// | `LINLI_REFRESH_TOKEN_TTL_SECS` | `1209600` | refresh token lifetime (14 days) |
/// | `LINLI_JWT_LEEWAY_SECS` | `30` | clock skew tolerated on `exp`/`nbf`, at most 60 (a longer one would let expired tokens live on) |
/// | `LINLI_DB_POOL_SIZE` | `16` | most database connections per process |
/// | `LINLI_DB_CHECKOUT_TIMEOUT_MS` | `3000` | wait for a free connection before answering 503 |
/// | `LINLI_BODY_LIMIT_BYTES` | `1048576` | largest request body; larger ones get 413 |
/// | `LINLI_STATIC_DIR` | `frontend/dist` | built SPA served at `/` (skipped when absent) |
/// | `LINLI_WORKERS` | number of CPUs | HTTP worker threads |
/// | `LINLI_DB_STATEMENT_TIMEOUT_MS` | `5000` | PostgreSQL `statement_timeout` for requests |
/// | `LINLI_TRUSTED_PROXIES` | — | comma-separated addresses or blocks (`10.0.0.0/8`) of the reverse proxies in front; from them, the client is the right-most `X-Forwarded-For` hop that is not a trusted proxy; from anyone else the header is ignored |
/// | `LINLI_PUBLIC_URL` | — | the address the public reaches Linli at (`https://linli.example.gov.cn`); an `https` one turns on HSTS |
/// | `LINLI_CORS_ORIGINS` | — | comma-separated origins allowed to call the API from browsers |
/// | `LINLI_METRICS_BIND` | — | extra address serving `/metrics` without a token (keep it internal) |
/// | `LINLI_SHUTDOWN_TIMEOUT_SECS` | `30` | on SIGTERM, how long in-flight requests may finish |
/// | `LINLI_WEBHOOK_ALLOW_HOSTS` | — | comma-separated `host` or `host:port` webhooks may reach although internal |
/// | `LINLI_WEBHOOK_TIMEOUT_SECS` | `10` | per-delivery request timeout |
/// | `LINLI_UPLOAD_DIR` | `.data/uploads` | where complaint photos are stored |
/// | `LINLI_RELAY` | `1` | `0`: `serve` does not run the webhook relay (run `linli relay` elsewhere) |
/// | `LINLI_CLOCK` | — (the system clock) | demo and test runs only (refused without `LINLI_DEMO=1`): the clock shifted by an offset (`+365d`, `-12h`, `+90m`, `+30s`) or started at an RFC 3339 instant; the database follows it |
/// | `RUST_LOG` | `info` | log filter (env_logger syntax) |
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub demo: bool,
    pub pool: PoolSettings,
    pub http: HttpSettings,
    pub workers: usize,
    pub statement_timeout_ms: u64,
    pub metrics_bind: Option<String>,
    pub shutdown_timeout_secs: u64,
    pub relay: crate::relay::RelaySettings,
    pub run_relay: bool,
}

/// A setting that is missing or malformed.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

fn var(name: &str) -> Option<String> {
    env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn parsed<T: std::str::FromStr>(name: &str, default: T) -> Result<T, ConfigError> {
    match var(name) {
        None => Ok(default),
        Some(v) => v
            .parse()
            .map_err(|_| ConfigError(format!("{name}={v} is not a valid value"))),
    }
}

/// `LINLI_TRUSTED_PROXIES` (`entries`), each checked; the former on/off switch
/// (`LINLI_TRUST_PROXY`, `old_switch`) is refused so that nobody believes a header they
/// think they trust.
fn trusted_proxies(
    old_switch: Option<String>,
    entries: Vec<String>,
) -> Result<Vec<linli_http::client_addr::Cidr>, ConfigError> {
    if old_switch.is_some() {
        return Err(ConfigError(
            "LINLI_TRUST_PROXY is replaced by LINLI_TRUSTED_PROXIES: list your proxies' addresses (e.g. 127.0.0.1,10.0.0.0/8)".into(),
        ));
    }
    entries
        .iter()
        .map(|c| {
            c.parse()
                .map_err(|e| ConfigError(format!("LINLI_TRUSTED_PROXIES: {e}")))
        })
        .collect()
}

fn list(name: &str) -> Vec<String> {
    var(name)
        .map(|v| {
            v.split(',')
                .map(|o| o.trim().to_owned())
                .filter(|o| !o.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn flag(name: &str) -> bool {
    matches!(var(name).as_deref(), Some("1" | "true" | "yes" | "on"))
}

/// Whether `secret` is a value from an example, a compose file or the docs rather than a
/// key: anyone who read them could sign tokens with it.
pub fn is_placeholder_secret(secret: &str) -> bool {
    let lower = secret.to_ascii_lowercase();
    [
        "change-me",
        "changeme",
        "change_me",
        "replace-me",
        "replace_me",
        "placeholder",
        "your-secret",
        "your_secret",
        "example",
        "secret-secret",
    ]
    .iter()
    .any(|p| lower.contains(p))
        || secret.bytes().all(|b| b == secret.as_bytes()[0])
}

/// The most clock skew tolerated on tokens: past it, an expired access token would stay
/// usable for longer than its own lifetime's worth of caution.
const MAX_LEEWAY_SECS: u64 = 60;

/// `leeway` (from `LINLI_JWT_LEEWAY_SECS`), refused above [`MAX_LEEWAY_SECS`].
fn checked_leeway(leeway: u64) -> Result<u64, ConfigError> {
    if leeway > MAX_LEEWAY_SECS {
        return Err(ConfigError(format!(
            "LINLI_JWT_LEEWAY_SECS={leeway} is more than {MAX_LEEWAY_SECS}: clocks that far apart need fixing, not tolerating"
        )));
    }
    Ok(leeway)
}

/// The smallest HS256 key we accept (RFC 7518 §3.2: a key at least as long as the hash).
const MIN_SECRET_BYTES: usize = 32;

impl Config {
    /// Reads the database URL alone (for `migrate` and `seed-demo`).
    pub fn database_url() -> Result<String, ConfigError> {
        var("DATABASE_URL").ok_or_else(|| {
            ConfigError("DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/linli); `make run` finds or starts a PostgreSQL for you".into())
        })
    }

    /// The password `seed-demo` gives new demo users.
    pub fn demo_password() -> String {
        var("LINLI_DEMO_PASSWORD").unwrap_or_else(|| "Linli@2026".into())
    }

    /// The clock: the system clock unless `LINLI_CLOCK` shifts it, which only a demo or a
    /// test may do (`demo_mode`); in production configuration a shifted clock would stamp
    /// records, deadlines and closed months with a time that is not the time.
    pub fn clock(demo_mode: bool) -> Result<Clock, ConfigError> {
        Self::clock_from(var("LINLI_CLOCK").as_deref(), demo_mode)
    }

    /// [`Config::clock`] for a given `LINLI_CLOCK` value.
    pub fn clock_from(spec: Option<&str>, demo_mode: bool) -> Result<Clock, ConfigError> {
        let Some(spec) = spec else {
            return Ok(Clock::system());
        };
        if !demo_mode {
            return Err(ConfigError(
                "LINLI_CLOCK is for demo and test runs only: unset it, or set LINLI_DEMO=1 for a throwaway demo".into(),
            ));
        }
        let clock = Clock::parse(spec).map_err(|e| ConfigError(e.to_string()))?;
        log::warn!(
            "LINLI_CLOCK={spec}: the clock reads {} (today {} in China)",
            clock.now().to_rfc3339(),
            clock.today()
        );
        Ok(clock)
    }

    /// Reads every setting; errors name the variable to fix.
    pub fn from_env() -> Result<Self, ConfigError> {
        let demo = flag("LINLI_DEMO");
        let jwt_secret = match var("LINLI_JWT_SECRET") {
            Some(secret) if is_placeholder_secret(&secret) => {
                return Err(ConfigError(
                    "LINLI_JWT_SECRET is a placeholder from an example: give it a random value of at least 32 bytes (e.g. `openssl rand -base64 48`), or leave it unset with LINLI_DEMO=1 for a throwaway demo".into(),
                ));
            }
            Some(secret) if secret.len() >= MIN_SECRET_BYTES => secret.into_bytes(),
            Some(_) => {
                return Err(ConfigError(format!(
                    "LINLI_JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes"
                )));
            }
            None if demo => {
                log::warn!(
                    "LINLI_JWT_SECRET not set: demo mode uses a random key, so sign-ins end when the server restarts"
                );
                use rand::RngCore;
                let mut key = vec![0u8; 48];
                rand::rng().fill_bytes(&mut key);
                key
            }
            None => {
                return Err(ConfigError(
                    "LINLI_JWT_SECRET is not set: give it a random value of at least 32 bytes (e.g. `openssl rand -base64 48`), or set LINLI_DEMO=1 for a throwaway demo".into(),
                ));
            }
        };
        let access_ttl_secs: u64 = parsed("LINLI_ACCESS_TOKEN_TTL_SECS", 900)?;
        if !(60..=900).contains(&access_ttl_secs) {
            return Err(ConfigError(
                "LINLI_ACCESS_TOKEN_TTL_SECS must be between 60 and 900".into(),
            ));
        }
        let workers = parsed(
            "LINLI_WORKERS",
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )?;
        Ok(Config {
            database_url: Self::database_url()?,
            bind: var("LINLI_BIND").unwrap_or_else(|| "127.0.0.1:8080".into()),
            demo,
            pool: PoolSettings {
                max_size: parsed("LINLI_DB_POOL_SIZE", 16)?,
                checkout_timeout: Duration::from_millis(parsed(
                    "LINLI_DB_CHECKOUT_TIMEOUT_MS",
                    3000,
                )?),
                clock: Self::clock(demo)?,
            },
            http: HttpSettings {
                auth: AuthSettings {
                    jwt_secret,
                    issuer: var("LINLI_JWT_ISSUER").unwrap_or_else(|| "linli".into()),
                    audience: var("LINLI_JWT_AUDIENCE").unwrap_or_else(|| "linli-api".into()),
                    access_ttl: Duration::from_secs(access_ttl_secs),
                    refresh_ttl: Duration::from_secs(parsed(
                        "LINLI_REFRESH_TOKEN_TTL_SECS",
                        1_209_600,
                    )?),
                    leeway: Duration::from_secs(checked_leeway(parsed(
                        "LINLI_JWT_LEEWAY_SECS",
                        30,
                    )?)?),
                },
                body_limit: parsed("LINLI_BODY_LIMIT_BYTES", 1_048_576)?,
                static_dir: Some(PathBuf::from(
                    var("LINLI_STATIC_DIR").unwrap_or_else(|| "frontend/dist".into()),
                )),
                trusted_proxies: trusted_proxies(
                    var("LINLI_TRUST_PROXY"),
                    list("LINLI_TRUSTED_PROXIES"),
                )?,
                cors_origins: list("LINLI_CORS_ORIGINS"),
                webhook_allow_hosts: list("LINLI_WEBHOOK_ALLOW_HOSTS"),
                upload_dir: PathBuf::from(
                    var("LINLI_UPLOAD_DIR").unwrap_or_else(|| ".data/uploads".into()),
                ),
                public_url: var("LINLI_PUBLIC_URL"),
            },
            workers,
            statement_timeout_ms: parsed("LINLI_DB_STATEMENT_TIMEOUT_MS", 5000)?,
            metrics_bind: var("LINLI_METRICS_BIND"),
            shutdown_timeout_secs: parsed("LINLI_SHUTDOWN_TIMEOUT_SECS", 30)?,
            relay: crate::relay::RelaySettings {
                allow_hosts: list("LINLI_WEBHOOK_ALLOW_HOSTS"),
                timeout: Duration::from_secs(parsed("LINLI_WEBHOOK_TIMEOUT_SECS", 10)?),
                ..Default::default()
            },
            run_relay: var("LINLI_RELAY").is_none_or(|v| v != "0"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Config, checked_leeway, is_placeholder_secret, trusted_proxies};

    #[test]
    fn the_leeway_is_capped() {
        assert_eq!(checked_leeway(30).ok(), Some(30));
        assert_eq!(checked_leeway(60).ok(), Some(60));
        assert!(checked_leeway(3600).is_err_and(|e| e.0.contains("LINLI_JWT_LEEWAY_SECS")));
    }

    #[test]
    fn trusted_proxies_are_blocks_and_the_old_switch_is_refused() {
        let ok = trusted_proxies(None, vec!["127.0.0.1".into(), "10.0.0.0/8".into()]);
        assert_eq!(ok.map(|l| l.len()).ok(), Some(2));
        assert!(trusted_proxies(None, vec!["10.0.0.0/33".into()]).is_err());
        assert!(
            trusted_proxies(Some("1".into()), Vec::new())
                .is_err_and(|e| e.0.contains("LINLI_TRUSTED_PROXIES"))
        );
    }

    #[test]
    fn placeholder_secrets_are_recognised() {
        for placeholder in [
            "change-me-to-32-or-more-random-bytes-please",
            "CHANGEME-CHANGEME-CHANGEME-CHANGEME",
            "your-secret-goes-here-at-least-32-bytes",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ] {
            assert!(is_placeholder_secret(placeholder), "{placeholder}");
        }
        assert!(!is_placeholder_secret(
            "q8Jx3lY0s2mW+vR7bT1nK5pZ9cF4hG6dA0eU2iO8yL3wQ/"
        ));
    }

    #[test]
    fn a_shifted_clock_is_refused_outside_demo_mode() {
        let refused = Config::clock_from(Some("+365d"), false);
        assert!(refused.is_err_and(|e| e.0.contains("LINLI_CLOCK")));
        let shifted = Config::clock_from(Some("+365d"), true).map(|c| c.offset_seconds());
        assert_eq!(shifted.ok(), Some(365 * 86_400));
        assert!(Config::clock_from(Some("next year"), true).is_err());
        let system = Config::clock_from(None, false).map(|c| c.is_shifted());
        assert_eq!(system.ok(), Some(false));
    }
}
