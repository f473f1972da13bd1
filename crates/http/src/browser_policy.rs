//! What browsers are told about every response: which sources a page may load and run
//! (Content-Security-Policy, one for the SPA, one for the API documentation, the strictest
//! for everything else), that no site may frame it, and — when Linli is served over https —
//! to come back only over https (HSTS).

use actix_web::{
    Error,
    body::MessageBody,
    dev::{ServiceRequest, ServiceResponse},
    http::header::{self, HeaderValue},
    middleware::Next,
    web,
};

use crate::state::AppState;

/// The SPA: its own scripts only (no inline script, no `eval`); inline styles, because the
/// component library writes its styles at run time; images also from `data:` and `blob:`
/// (icons, photo previews); requests to its own origin only.
pub const SPA: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// The API documentation at `/docs/`: its bundled scripts, inline styles, `data:` icons, and
/// the OpenAPI document from this origin.
pub const DOCS: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
frame-ancestors 'none'";

/// Everything else (JSON, CSV, photos): nothing to load or run.
pub const API: &str = "default-src 'none'; frame-ancestors 'none'; sandbox";

/// One year, subdomains included.
pub const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The policy for a path.
pub fn policy_for(path: &str) -> &'static str {
    if path.starts_with("/docs") {
        DOCS
    } else if path.starts_with("/api/")
        || path.starts_with("/open311/")
        || path.starts_with("/api-docs/")
        || path == "/metrics"
    {
        API
    } else {
        SPA
    }
}

/// Adds the headers to every response.
pub async fn apply(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let policy = policy_for(req.path());
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.settings.is_https());
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(policy),
    );
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_get_their_policy() {
        assert_eq!(policy_for("/"), SPA);
        assert_eq!(policy_for("/complaints/123"), SPA);
        assert_eq!(policy_for("/docs/"), DOCS);
        assert_eq!(policy_for("/docs/swagger-ui.css"), DOCS);
        assert_eq!(policy_for("/api/v1/complaints"), API);
        assert_eq!(policy_for("/open311/v2/services.json"), API);
        for p in [SPA, DOCS, API] {
            assert!(p.contains("frame-ancestors 'none'"));
            assert!(!p.contains("unsafe-eval"));
            assert!(!p.contains("script-src 'self' 'unsafe-inline'"));
        }
    }
}
