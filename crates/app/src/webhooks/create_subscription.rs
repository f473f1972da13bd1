//! Subscribing a URL to events.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    webhooks::{self, Subscription},
};

use super::{SubscriptionSettings, checked_settings, new_secret};
use crate::{Caller, Result};

/// A subscription just made, with its signing secret (shown this once).
#[derive(Debug, Clone)]
pub struct NewSubscription {
    pub secret: String,
    pub subscription: Subscription,
}

/// Subscribes a URL to events of an area of the caller's scope; `allow_hosts` are the
/// operator's hosts that may be internal.
pub async fn create_subscription(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    allow_hosts: &[String],
    settings: SubscriptionSettings,
) -> Result<NewSubscription> {
    let scope = caller.scope(Action::ManageWebhooks)?;
    let (fields, area) = checked_settings(tx, caller, &scope, allow_hosts, settings).await?;
    let secret = new_secret();
    let subscription = webhooks::create(tx, &caller.audit, &fields, &area.path, &secret).await?;
    Ok(NewSubscription {
        secret,
        subscription,
    })
}
