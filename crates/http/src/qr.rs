//! The rotating QR code shown on a centre's screen: a short server-signed token naming the
//! centre and the second it was issued. It proves presence for about a minute
//! ([`QR_TTL_SECONDS`](linli_domain::volunteering::QR_TTL_SECONDS)); a photo of it sent to a
//! friend at home is useless by the time they use it.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

type HmacSha256 = Hmac<Sha256>;

/// Signs QR tokens with a key derived from the server's token secret (never the secret
/// itself, so a QR signature cannot double as a JWT signature).
#[derive(Clone)]
pub struct QrSigner {
    key: Vec<u8>,
}

impl std::fmt::Debug for QrSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QrSigner(..)")
    }
}

impl QrSigner {
    /// A signer keyed from `secret`.
    pub fn new(secret: &[u8]) -> Self {
        use sha2::Digest;
        let mut digest = Sha256::new();
        digest.update(b"linli centre qr v1");
        digest.update(secret);
        QrSigner {
            key: digest.finalize().to_vec(),
        }
    }

    fn mac(&self, payload: &[u8]) -> Vec<u8> {
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.key) else {
            return Vec::new();
        };
        mac.update(payload);
        mac.finalize().into_bytes()[..16].to_vec()
    }

    /// A token for `centre` issued at `at`.
    pub fn issue(&self, centre: Uuid, at: DateTime<Utc>) -> String {
        let mut payload = centre.as_bytes().to_vec();
        payload.extend_from_slice(&at.timestamp().to_be_bytes());
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&payload),
            URL_SAFE_NO_PAD.encode(self.mac(&payload))
        )
    }

    /// The centre and issue time of a genuine token; `None` for anything forged or garbled.
    pub fn open(&self, token: &str) -> Option<(Uuid, DateTime<Utc>)> {
        let (payload, signature) = token.trim().split_once('.')?;
        let payload = URL_SAFE_NO_PAD.decode(payload).ok()?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        let Ok(mut mac) = HmacSha256::new_from_slice(&self.key) else {
            return None;
        };
        mac.update(&payload);
        mac.verify_truncated_left(&signature).ok()?;
        if payload.len() != 24 || signature.len() != 16 {
            return None;
        }
        let centre = Uuid::from_slice(&payload[..16]).ok()?;
        let seconds = i64::from_be_bytes(payload[16..24].try_into().ok()?);
        Some((centre, DateTime::from_timestamp(seconds, 0)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_forgeries_fail() {
        let signer = QrSigner::new(b"0123456789abcdef0123456789abcdef");
        let centre = Uuid::from_u128(42);
        let at = DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
        let token = signer.issue(centre, at);
        assert_eq!(signer.open(&token), Some((centre, at)));
        let other = QrSigner::new(b"another secret of thirty-two bytes!!");
        assert_eq!(other.open(&token), None);
        // Another centre's payload under this token's signature.
        let elsewhere = signer.issue(Uuid::from_u128(43), at);
        let forged = format!(
            "{}.{}",
            elsewhere
                .split_once('.')
                .map(|(p, _)| p)
                .unwrap_or_default(),
            token.split_once('.').map(|(_, s)| s).unwrap_or_default()
        );
        assert_eq!(signer.open(&forged), None);
        assert_eq!(signer.open("garbage"), None);
    }
}
