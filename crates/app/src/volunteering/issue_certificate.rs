//! Issuing a service certificate (服务证明).

use chrono::NaiveDate;
use linli_domain::volunteering::check_certificate_period;
use linli_persistence::{
    AsyncPgConnection,
    volunteering::{self, Certificate},
};
use rand::Rng;

use super::participant;
use crate::{Caller, Result};

/// Characters of a verification code: no 0/O or 1/I to misread.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// The period of one's verified service to certify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueCertificate {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Issues the caller a certificate of their verified hours over a period, with a
/// verification code anyone can check. Returns the stored certificate.
pub async fn issue_certificate(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: IssueCertificate,
) -> Result<Certificate> {
    // Authorise.
    let person = participant(tx, caller).await?;
    // Validate.
    check_certificate_period(cmd.from, cmd.to)?;
    // Decide the code; store, audit and event.
    let code: String = {
        let mut rng = rand::rng();
        (0..12)
            .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
            .collect()
    };
    volunteering::issue_certificate(tx, &caller.audit, person, cmd.from, cmd.to, &code).await
}
