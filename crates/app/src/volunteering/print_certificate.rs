//! A service certificate (服务证明) to print.

use linli_domain::{DomainError, policy::Action};
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, Certificate},
};

use super::viewer;
use crate::{Caller, Result, not_found_as};

/// The certificate with verification code `code`, for its holder or volunteering staff;
/// anyone else learns nothing of it (`NotFound`).
pub async fn print_certificate(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    code: &str,
) -> Result<Certificate> {
    // Load.
    let certificate = volunteering::certificate_by_code(tx, code.trim())
        .await
        .map_err(|e| not_found_as(e, "certificate"))?;
    // Authorise: the holder, or staff who read volunteering.
    let me = viewer(tx, caller).await?;
    if me != Some(certificate.person_id) && !caller.may(Action::ReadVolunteering) {
        return Err(DomainError::NotFound("certificate").into());
    }
    Ok(certificate)
}
