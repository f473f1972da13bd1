//! Replacing a subscription's signing secret.

use chrono::{DateTime, Duration, Utc};
use linli_persistence::{AsyncPgConnection, webhooks};
use uuid::Uuid;

use super::{new_secret, subscription_of};
use crate::{Caller, Result};

/// How long the previous secret keeps signing after a rotation.
pub const OVERLAP_HOURS: i64 = 24;

/// The new secret, and until when deliveries also carry the old one's signature.
#[derive(Debug, Clone)]
pub struct RotatedSecret {
    pub secret: String,
    pub previous_valid_until: DateTime<Utc>,
}

/// Gives the subscription `id` a new secret at `now`; the old one signs too for
/// [`OVERLAP_HOURS`].
pub async fn rotate_secret(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<RotatedSecret> {
    let current = subscription_of(tx, caller, id).await?;
    let secret = new_secret();
    let until = now + Duration::hours(OVERLAP_HOURS);
    webhooks::rotate_secret(tx, &caller.audit, &current, &secret, until).await?;
    Ok(RotatedSecret {
        secret,
        previous_valid_until: until,
    })
}
