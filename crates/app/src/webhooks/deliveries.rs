//! A subscription's deliveries: listed, and sent again.

use linli_persistence::{
    AsyncPgConnection,
    webhooks::{self, DeliveryRecord},
};
use uuid::Uuid;

use super::subscription_of;
use crate::{Caller, Result};

/// Up to `limit` deliveries of the subscription `id`, newest first, before `before`.
pub async fn list_deliveries(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<DeliveryRecord>> {
    let subscription = subscription_of(tx, caller, id).await?;
    webhooks::deliveries(tx, subscription.id, before, limit).await
}

/// Queues the delivery `delivery_id` of the subscription `id` to be sent again now.
pub async fn redeliver(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, delivery_id): (Uuid, Uuid),
) -> Result<()> {
    let subscription = subscription_of(tx, caller, id).await?;
    webhooks::redeliver(tx, &caller.audit, &subscription, delivery_id).await
}
