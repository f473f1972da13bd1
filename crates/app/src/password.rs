//! Password hashing with argon2id at (at least) OWASP's minimum parameters.

use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};

/// Memory cost in KiB (OWASP minimum for argon2id: 19 MiB).
pub const MEMORY_KIB: u32 = 19_456;
/// Iterations (OWASP minimum with 19 MiB: 2).
pub const ITERATIONS: u32 = 2;
/// Lanes.
pub const PARALLELISM: u32 = 1;

fn hasher() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(hasher().hash_password(password.as_bytes())?.to_string())
}

/// Checks a password on a blocking thread (see [`hash_off_thread`]).
pub async fn verify_off_thread(password: String, stored: String) -> crate::Result<Verdict> {
    tokio::task::spawn_blocking(move || verify(&password, &stored))
        .await
        .map_err(|e| crate::Error::Internal(e.to_string()))
}

/// Hashes a password on a blocking thread (argon2 takes tens of milliseconds of CPU and
/// must not stall the threads serving other requests).
pub async fn hash_off_thread(password: String) -> crate::Result<String> {
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .map_err(|e| crate::Error::Internal(e.to_string()))?
        .map_err(|e| crate::Error::Internal(e.to_string()))
}

/// What checking a password found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Wrong password, unknown user or unreadable hash.
    Rejected,
    /// Correct, and the stored hash is as strong as today's parameters.
    Accepted,
    /// Correct, but the stored hash is weaker than today's: store a fresh one.
    AcceptedNeedsRehash,
}

/// A valid hash of a password nobody has, checked when the user does not exist so that
/// unknown users take as long as wrong passwords.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("linli-timing-equaliser").unwrap_or_default())
}

/// Checks `password` against a stored PHC string.
pub fn verify(password: &str, stored: &str) -> Verdict {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verdict::Rejected;
    };
    if hasher()
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verdict::Rejected;
    }
    if is_weaker_than_current(&parsed) {
        Verdict::AcceptedNeedsRehash
    } else {
        Verdict::Accepted
    }
}

fn is_weaker_than_current(parsed: &PasswordHash) -> bool {
    if parsed.algorithm.as_str() != "argon2id" {
        return true;
    }
    let param = |name: &str| parsed.params.get_decimal(name).unwrap_or(0);
    param("m") < MEMORY_KIB || param("t") < ITERATIONS || param("p") < PARALLELISM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_and_wrong_passwords() {
        let stored = hash("s3cret").unwrap_or_default();
        assert!(stored.starts_with("$argon2id$"));
        assert_eq!(verify("s3cret", &stored), Verdict::Accepted);
        assert_eq!(verify("nope", &stored), Verdict::Rejected);
        assert_eq!(verify("s3cret", "garbage"), Verdict::Rejected);
    }

    #[test]
    fn weak_hashes_are_upgraded() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8_192, 1, 1, None).unwrap_or_default(),
        )
        .hash_password(b"pw")
        .map(|h| h.to_string())
        .unwrap_or_default();
        assert_eq!(verify("pw", &weak), Verdict::AcceptedNeedsRehash);
    }
}
