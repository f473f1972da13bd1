//! Where a webhook may be sent: http(s) URLs whose host resolves only to public
//! addresses, unless the host is on the operator's allow-list (`LINLI_WEBHOOK_ALLOW_HOSTS`,
//! needed for receivers on the same machine or network, and for tests).
//!
//! Checked when a subscription is saved and again before every delivery, so a name that
//! later resolves to an internal address (DNS rebinding) is caught too.

use linli_domain::webhook::is_internal_address;
use url::Url;

/// Checks a target URL; the error says why it is refused.
pub async fn check(url: &str, allow_hosts: &[String]) -> Result<Url, String> {
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
    if allow_hosts.iter().any(|allowed| {
        allowed.eq_ignore_ascii_case(&host)
            || allowed.eq_ignore_ascii_case(&format!("{host}:{port}"))
    }) {
        return Ok(parsed);
    }
    let addresses: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .map_err(|_| "无法解析主机名 / the host name does not resolve".to_owned())?
        .collect();
    if addresses.is_empty() {
        return Err("无法解析主机名 / the host name does not resolve".to_owned());
    }
    if addresses.iter().any(|a| is_internal_address(a.ip())) {
        return Err("不允许发送到内网、本机或保留地址 / private, loopback, link-local and reserved addresses are not allowed".to_owned());
    }
    Ok(parsed)
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
