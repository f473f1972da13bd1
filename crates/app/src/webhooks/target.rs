//! Where a webhook may be sent: http(s) URLs whose host resolves only to public
//! addresses, unless the host is on the operator's allow-list (`LINLI_WEBHOOK_ALLOW_HOSTS`,
//! needed for receivers on the same machine or network, and for tests).
//!
//! Checked when a subscription is saved, and at every delivery by the relay's resolver: the
//! relay resolves the name once, refuses it if any address is internal, and connects to the
//! addresses it checked, so a name that later resolves to an internal address (DNS
//! rebinding) reaches nothing.

use std::{fmt, io, net::IpAddr};

use futures_util::future::BoxFuture;
use linli_domain::webhook::is_internal_address;
use url::Url;

/// What a host name resolves to. The system's resolver in production; tests give answers
/// of their own (a name that resolves to a public address, then to an internal one).
pub trait Lookup: Send + Sync + fmt::Debug {
    /// The addresses of `host`.
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, io::Result<Vec<IpAddr>>>;
}

/// The operating system's resolver.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemDns;

impl Lookup for SystemDns {
    fn lookup<'a>(&'a self, host: &'a str) -> BoxFuture<'a, io::Result<Vec<IpAddr>>> {
        Box::pin(async move {
            Ok(tokio::net::lookup_host((host, 0))
                .await?
                .map(|a| a.ip())
                .collect())
        })
    }
}

/// Why a target is refused when its name resolves to an internal address.
pub const INTERNAL: &str = "不允许发送到内网、本机或保留地址 / private, loopback, link-local and reserved addresses are not allowed";
const NO_ADDRESS: &str = "无法解析主机名 / the host name does not resolve";

/// Why a host's addresses may not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unusable {
    /// The name does not resolve.
    NoAddress,
    /// One of its addresses is internal.
    Internal,
}

impl std::fmt::Display for Unusable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unusable::NoAddress => NO_ADDRESS,
            Unusable::Internal => INTERNAL,
        })
    }
}

impl std::error::Error for Unusable {}

/// A target URL that passed the checks that need no resolver.
#[derive(Debug, Clone)]
pub struct Target {
    /// The URL.
    pub url: Url,
    /// Its host, without the brackets of an IPv6 literal.
    pub host: String,
    /// Whether the operator's allow-list names it: it may then be internal.
    pub allowed: bool,
}

impl Target {
    /// The host as an address when the URL names one rather than a host name.
    pub fn literal(&self) -> Option<IpAddr> {
        self.host.parse().ok()
    }
}

/// The checks of a target URL that need no resolver: http(s), no credentials, a host; and
/// whether the allow-list names the host (or `host:port`).
pub fn parse(url: &str, allow_hosts: &[String]) -> Result<Target, String> {
    let parsed = Url::parse(url).map_err(|_| "不是有效的网址 / not a valid URL".to_owned())?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("只支持 http 或 https / only http and https are supported".to_owned());
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err("网址中不能包含用户名或密码 / the URL must not carry credentials".to_owned());
    }
    let host = parsed
        .host_str()
        .ok_or_else(|| "网址缺少主机名 / the URL has no host".to_owned())?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let port = parsed.port_or_known_default().unwrap_or(443);
    let allowed = allow_hosts.iter().any(|allowed| {
        allowed.eq_ignore_ascii_case(&host)
            || allowed.eq_ignore_ascii_case(&format!("{host}:{port}"))
    });
    Ok(Target {
        url: parsed,
        host,
        allowed,
    })
}

/// The addresses of `host` from `dns`, all of them public; refused when it does not resolve
/// or when any of its addresses is internal.
pub async fn public_addresses(dns: &dyn Lookup, host: &str) -> Result<Vec<IpAddr>, Unusable> {
    let addresses = dns.lookup(host).await.map_err(|_| Unusable::NoAddress)?;
    if addresses.is_empty() {
        return Err(Unusable::NoAddress);
    }
    if addresses.iter().any(|ip| is_internal_address(*ip)) {
        return Err(Unusable::Internal);
    }
    Ok(addresses)
}

/// Checks a target URL when a subscription is saved, resolving its host with the system's
/// resolver; the error says why it is refused.
pub async fn check(url: &str, allow_hosts: &[String]) -> Result<Url, String> {
    check_with(&SystemDns, url, allow_hosts).await
}

/// [`check`] with the given resolver.
pub async fn check_with(
    dns: &dyn Lookup,
    url: &str,
    allow_hosts: &[String],
) -> Result<Url, String> {
    let target = parse(url, allow_hosts)?;
    if !target.allowed {
        public_addresses(dns, &target.host)
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(target.url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn internal_targets_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1/x",
            "http://10.0.0.5/hook",
            "http://169.254.169.254/latest",
            "http://[::1]:8080/",
            "http://localhost/",
        ] {
            assert!(check(url, &[]).await.is_err(), "{url}");
        }
        assert!(check("ftp://example.org/", &[]).await.is_err());
        assert!(
            check("http://user:pw@127.0.0.1/", &["127.0.0.1".into()])
                .await
                .is_err()
        );
        assert!(
            check("http://127.0.0.1:9000/x", &["127.0.0.1".into()])
                .await
                .is_ok()
        );
        assert!(
            check("http://127.0.0.1:9000/x", &["127.0.0.1:9001".into()])
                .await
                .is_err()
        );
        assert!(
            check("http://203.0.113.7/x", &[]).await.is_err(),
            "documentation range"
        );
    }
}
