//! The `AuthUser` extractor: who is calling, with their grants.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use linli_domain::policy::{Action, Principal, Scope, authorize};
use linli_persistence::users;

use crate::{auth::jwt, error::ApiError, state::AppState};

/// An authenticated person. Put it in a handler's signature to require sign-in.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub principal: Principal,
    pub username: String,
}

impl AuthUser {
    /// The caller's scope for `action`; 403 when no grant of theirs allows it.
    pub fn scope(&self, action: Action) -> Result<Scope, ApiError> {
        authorize(&self.principal, action).map_err(ApiError::from)
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal(&"application state missing"))?;
            let token = token.ok_or_else(|| {
                ApiError::unauthorized(
                    "unauthorized",
                    "请先登录 / sign-in required (Authorization: Bearer <token>)",
                )
            })?;
            let claims = jwt::verify(&state.settings.auth, &token)?;
            let mut conn = state.db.conn().await?;
            let found = users::find_with_grants(&mut conn, claims.sub).await?;
            match found {
                // A bumped token version (password, role or grant change) or a disabled
                // account revokes every access token issued before.
                Some(u) if u.user.is_active && u.user.token_version == claims.ver => Ok(AuthUser {
                    principal: Principal {
                        user_id: u.user.id,
                        grants: u.grants,
                    },
                    username: u.user.username,
                }),
                _ => Err(jwt::invalid_token()),
            }
        })
    }
}
