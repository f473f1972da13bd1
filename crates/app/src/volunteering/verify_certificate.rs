//! Checking a service certificate (服务证明) by its code.

use linli_domain::DomainError;
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, Certificate},
};

use crate::Result;

/// The certificate with verification code `code` (any case, spaces around ignored) — for
/// anyone, signed in or not. A code that cannot be one is `NotFound` like an unknown one.
pub async fn verify_certificate(tx: &mut AsyncPgConnection, code: &str) -> Result<Certificate> {
    // Validate.
    let code = code.trim().to_uppercase();
    if code.len() != 12 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(DomainError::NotFound("certificate").into());
    }
    // Load.
    volunteering::certificate_by_code(tx, &code).await
}
