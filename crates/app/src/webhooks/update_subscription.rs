//! Changing a subscription.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    webhooks::{self, Subscription},
};
use uuid::Uuid;

use super::{SubscriptionSettings, checked_settings, visible};
use crate::{Caller, Result};

/// Replaces the settings of the subscription `id` (at `version`); re-activating one that a
/// `410 Gone` disabled clears the reason.
pub async fn update_subscription(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (Uuid, i64),
    allow_hosts: &[String],
    settings: SubscriptionSettings,
) -> Result<Subscription> {
    let scope = caller.scope(Action::ManageWebhooks)?;
    let current = visible(tx, &scope, id).await?;
    let (fields, area) = checked_settings(tx, caller, &scope, allow_hosts, settings).await?;
    webhooks::update(tx, &caller.audit, &current, &fields, &area.path, version).await
}
