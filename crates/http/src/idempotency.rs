//! `Idempotency-Key` for creates that must not repeat (complaints from phones, payments,
//! check-ins): the same caller sending the same key and body gets the stored response;
//! the same key with another body gets 422; while the first is in flight, 409.

use std::{future::Future, pin::Pin};

use actix_web::{
    FromRequest, HttpRequest, HttpResponse,
    dev::Payload,
    http::{StatusCode, header},
    web,
};
use futures_util::future::BoxFuture;
use linli_persistence::{
    AsyncPgConnection,
    idempotency::{self, KeyedRequest, StoredResponse},
};
use serde::{Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use crate::{
    auth::Caller,
    error::{ApiError, ApiResult},
    extract::json_body,
    state::AppState,
};

/// The request header.
pub const HEADER: &str = "idempotency-key";
/// Set on a response replayed from storage.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// A JSON body together with the request's idempotency key (if sent) and fingerprint.
#[derive(Debug)]
pub struct Idempotent<T> {
    pub body: T,
    key: Option<String>,
    fingerprint: Vec<u8>,
}

fn valid_key(key: &str) -> bool {
    (8..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

impl<T: DeserializeOwned + 'static> FromRequest for Idempotent<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let key = req
            .headers()
            .get(HEADER)
            .map(|v| v.to_str().map(|s| s.trim().trim_matches('"').to_owned()));
        let target = format!("{} {}", req.method(), req.uri());
        let body = json_body::<T>(req, payload);
        Box::pin(async move {
            let key = match key {
                None => None,
                Some(Ok(k)) if valid_key(&k) => Some(k),
                Some(_) => {
                    return Err(ApiError::bad_request(
                        "invalid_idempotency_key",
                        "Idempotency-Key 须为 8 到 128 个字母、数字或 - _ . : / Idempotency-Key must be 8 to 128 letters, digits or - _ . :",
                    ));
                }
            };
            let (body, bytes) = body.await?;
            let mut hasher = Sha256::new();
            hasher.update(target.as_bytes());
            hasher.update(b"\n");
            hasher.update(&bytes);
            Ok(Idempotent {
                body,
                key,
                fingerprint: hasher.finalize().to_vec(),
            })
        })
    }
}

impl<T> Idempotent<T> {
    /// 400 when the operation requires a key and none was sent.
    pub fn require_key(&self) -> ApiResult<()> {
        match self.key {
            Some(_) => Ok(()),
            None => Err(ApiError::bad_request(
                "idempotency_key_required",
                "此操作须带 Idempotency-Key 请求头 / this operation needs an Idempotency-Key header",
            )),
        }
    }

    /// The key as stored for this caller.
    pub fn keyed(&self, caller: &Caller) -> Option<KeyedRequest> {
        self.key.as_ref().map(|key| KeyedRequest {
            principal: caller.principal.key(),
            key: key.clone(),
            fingerprint: self.fingerprint.clone(),
        })
    }
}

/// A JSON response with headers, in the form the idempotency store keeps.
pub fn reply<V: Serialize>(
    status: StatusCode,
    body: &V,
    headers: Vec<(header::HeaderName, String)>,
) -> StoredResponse {
    StoredResponse {
        status: status.as_u16(),
        headers: std::iter::once(("content-type".to_owned(), "application/json".to_owned()))
            .chain(headers.into_iter().map(|(n, v)| (n.as_str().to_owned(), v)))
            .collect(),
        body: serde_json::to_vec(body).unwrap_or_default(),
        replay_body: None,
    }
}

/// [`reply`] whose body holds a secret shown once: replays answer `replay` (the body with
/// the secret masked), and only that is stored.
pub fn reply_once<V: Serialize, R: Serialize>(
    status: StatusCode,
    body: &V,
    replay: &R,
    headers: Vec<(header::HeaderName, String)>,
) -> StoredResponse {
    StoredResponse {
        replay_body: Some(serde_json::to_vec(replay).unwrap_or_default()),
        ..reply(status, body, headers)
    }
}

/// Runs `work` in one transaction with the key's bookkeeping, and answers with its
/// response or the stored one.
pub async fn respond(
    state: &web::Data<AppState>,
    keyed: Option<KeyedRequest>,
    work: impl for<'r> FnOnce(
        &'r mut AsyncPgConnection,
    ) -> BoxFuture<'r, Result<StoredResponse, ApiError>>
    + Send,
) -> ApiResult<HttpResponse> {
    let mut conn = state.db.conn().await?;
    let (stored, replayed) = idempotency::run(&mut conn, keyed.as_ref(), work).await?;
    let mut builder =
        HttpResponse::build(StatusCode::from_u16(stored.status).unwrap_or(StatusCode::OK));
    for (name, value) in &stored.headers {
        builder.insert_header((name.as_str(), value.as_str()));
    }
    if replayed {
        builder.insert_header((REPLAYED_HEADER, "true"));
    }
    Ok(builder.body(stored.body))
}
