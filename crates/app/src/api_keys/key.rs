//! API keys: `lk_<8-character prefix>_<256-bit secret>`. The prefix is stored in the clear
//! to find the key and to recognise it in lists and logs; the whole key only as SHA-256.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh key: (the full key to show once, its prefix, its digest).
pub fn generate() -> (String, String, Vec<u8>) {
    let mut prefix_bytes = [0u8; 4];
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut prefix_bytes);
    rand::rng().fill_bytes(&mut secret);
    let prefix = format!(
        "lk_{}",
        prefix_bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let key = format!("{prefix}_{}", URL_SAFE_NO_PAD.encode(secret));
    let digest = digest(&key);
    (key, prefix, digest)
}

/// The prefix of a well-formed key.
pub fn prefix_of(key: &str) -> Option<&str> {
    let prefix = key.get(..11)?;
    (prefix.starts_with("lk_") && key.as_bytes().get(11) == Some(&b'_')).then_some(prefix)
}

/// The stored form of a key.
pub fn digest(key: &str) -> Vec<u8> {
    Sha256::digest(key.as_bytes()).to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_carry_their_prefix() {
        let (key, prefix, d) = generate();
        assert_eq!(prefix_of(&key), Some(prefix.as_str()));
        assert_eq!(digest(&key), d);
        assert_eq!(prefix_of("lk_short"), None);
        assert_eq!(prefix_of("xx_12345678_abc"), None);
    }
}
