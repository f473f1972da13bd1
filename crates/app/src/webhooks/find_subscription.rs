//! Reading subscriptions.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    webhooks::{self, Subscription},
};
use uuid::Uuid;

use super::subscription_of;
use crate::{Caller, Result};

/// The subscription `id`, when it lies in the caller's scope.
pub async fn find_subscription(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<Subscription> {
    subscription_of(tx, caller, id).await
}

/// Up to `limit` subscriptions of the caller's scope, newest first, before `before`.
pub async fn list_subscriptions(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Subscription>> {
    let scope = caller.scope(Action::ManageWebhooks)?;
    webhooks::list(tx, &scope_patterns(&scope), before, limit).await
}
