//! Who is calling: the `Caller` extractor (a person or a government system) and the
//! stricter `AuthUser` (people only).

use std::{future::Future, pin::Pin};

use actix_web::{
    FromRequest, HttpMessage, HttpRequest, dev::Payload, http::StatusCode, http::header, web,
};
use linli_domain::policy::Principal;
use linli_persistence::{api_keys, audit_log::AuditContext, users};
use uuid::Uuid;

use crate::{
    auth::{api_key, jwt},
    client_addr::{Cidr, client_address},
    error::ApiError,
    request_id::RequestId,
    state::AppState,
};

/// The caller of a request, authenticated by bearer token or `X-Api-Key`: the use cases'
/// [`linli_app::Caller`], extracted from the request.
#[derive(Debug, Clone)]
pub struct Caller(pub linli_app::Caller);

impl std::ops::Deref for Caller {
    type Target = linli_app::Caller;
    fn deref(&self) -> &linli_app::Caller {
        &self.0
    }
}

impl Caller {
    fn new(principal: Principal, audit: AuditContext) -> Self {
        Caller(linli_app::Caller { principal, audit })
    }

    /// The signed-in user's id, or 403 for API keys.
    pub fn user_id(&self) -> Result<Uuid, ApiError> {
        match &self.principal {
            Principal::User { user_id, .. } => Ok(*user_id),
            Principal::ApiKey { .. } => Err(api_key_not_allowed()),
        }
    }
}

/// A signed-in person. Routes that only make sense for people (password, sessions, `me`)
/// take this, so an API key can never reach them.
#[derive(Debug, Clone)]
pub struct AuthUser(pub Caller);

impl std::ops::Deref for AuthUser {
    type Target = Caller;
    fn deref(&self) -> &Caller {
        &self.0
    }
}

fn api_key_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "api_key_not_allowed",
        "此接口仅供登录用户使用，不接受 API 密钥 / this route is for signed-in people, not API keys",
    )
}

/// The client's address: the peer, or behind trusted proxies the right-most
/// `X-Forwarded-For` hop that is not one of them ([`client_address`]).
pub fn client_ip(req: &HttpRequest, trusted_proxies: &[Cidr]) -> String {
    let Some(peer) = req.peer_addr().map(|a| a.ip()) else {
        return "unknown".to_owned();
    };
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    client_address(peer, &forwarded, trusted_proxies).to_string()
}

/// The audit context of a request made before anyone is authenticated (sign-in,
/// refresh): the actor is filled in once known.
pub fn request_context(
    req: &HttpRequest,
    state: &AppState,
    actor_id: Option<Uuid>,
    actor_name: &str,
) -> AuditContext {
    AuditContext {
        actor_kind: if actor_id.is_some() { "user" } else { "system" },
        actor_id,
        actor_name: actor_name.to_owned(),
        client_ip: Some(client_ip(req, &state.settings.trusted_proxies)),
        request_id: req.extensions().get::<RequestId>().map(|r| r.0.clone()),
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

pub(crate) async fn authenticate(
    state: web::Data<AppState>,
    token: Option<String>,
    key: Option<String>,
    client_ip: String,
    request_id: Option<String>,
) -> Result<Caller, ApiError> {
    let context = |kind: &'static str, id: Uuid, name: String| AuditContext {
        actor_kind: kind,
        actor_id: Some(id),
        actor_name: name,
        client_ip: Some(client_ip.clone()),
        request_id: request_id.clone(),
    };
    if let Some(key) = key {
        let prefix = linli_app::api_keys::prefix_of(&key).ok_or_else(api_key::invalid)?;
        let mut conn = state.db.conn().await?;
        let (record, stored) = api_keys::find_live_by_prefix(&mut conn, prefix)
            .await?
            .ok_or_else(api_key::invalid)?;
        if linli_app::api_keys::digest(&key) != stored {
            return Err(api_key::invalid());
        }
        api_keys::touch(&mut conn, record.id).await?;
        return Ok(Caller::new(
            Principal::ApiKey {
                key_id: record.id,
                scopes: record.scopes,
                area_path: record.area_path,
            },
            context(
                "api_key",
                record.id,
                format!("{} ({})", record.name, record.prefix),
            ),
        ));
    }
    let token = token.ok_or_else(|| {
        ApiError::unauthorized(
            "unauthorized",
            "请先登录 / sign-in required (Authorization: Bearer <token>)",
        )
    })?;
    let claims = jwt::verify(&state.settings.auth, &token)?;
    let mut conn = state.db.conn().await?;
    match users::find_with_grants(&mut conn, claims.sub).await? {
        // A bumped token version (password, role or grant change) or a disabled account
        // revokes every access token issued before.
        Some(u) if u.user.is_active && u.user.token_version == claims.ver => Ok(Caller::new(
            Principal::User {
                user_id: u.user.id,
                grants: u.grants,
            },
            context("user", u.user.id, u.user.username),
        )),
        _ => Err(jwt::invalid_token()),
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let key = req
            .headers()
            .get(api_key::HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        let ip = client_ip(
            req,
            state
                .as_ref()
                .map_or(&[][..], |s| &s.settings.trusted_proxies),
        );
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal(&"application state missing"))?;
            authenticate(state, token, key, ip, request_id).await
        })
    }
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let has_key = req.headers().contains_key(api_key::HEADER);
        let caller = Caller::from_request(req, payload);
        Box::pin(async move {
            let caller = caller.await?;
            if has_key || matches!(caller.principal, Principal::ApiKey { .. }) {
                return Err(api_key_not_allowed());
            }
            Ok(AuthUser(caller))
        })
    }
}
