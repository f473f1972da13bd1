//! The request as the access log writes it: method, path, and the query with the values of
//! secret parameters (keys, tokens, passwords, codes) replaced by `***`, so a log file never
//! holds a credential.

use actix_web::dev::ServiceRequest;

/// Query parameters whose values are secrets.
const SECRET_PARAMETERS: &[&str] = &[
    "api_key",
    "apikey",
    "key",
    "token",
    "access_token",
    "refresh_token",
    "qr_token",
    "password",
    "secret",
    "code",
    "signature",
];

/// `GET /path?query HTTP/1.1`, secrets masked.
pub fn request_line(req: &ServiceRequest) -> String {
    let query = req.query_string();
    let target = if query.is_empty() {
        req.path().to_owned()
    } else {
        format!("{}?{}", req.path(), redact_query(query))
    };
    format!("{} {} {:?}", req.method(), target, req.version())
}

/// `query` with the values of [`SECRET_PARAMETERS`] replaced by `***`.
pub fn redact_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if is_secret(name) => format!("{name}=***"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_PARAMETERS.contains(&name.as_str())
}

#[cfg(test)]
mod tests {
    use super::redact_query;

    #[test]
    fn secret_values_are_masked_and_the_rest_kept() {
        assert_eq!(
            redact_query("api_key=lk_abc123&service_code=noise&Token=t0k"),
            "api_key=***&service_code=noise&Token=***"
        );
        assert_eq!(redact_query("page=2&q=%E5%99%AA"), "page=2&q=%E5%99%AA");
        assert_eq!(redact_query("flag&password=x"), "flag&password=***");
    }
}
