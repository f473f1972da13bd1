//! The event feed: what happened in the caller's area, in order, for systems that poll.

use linli_domain::policy::{Action, visible_event_prefixes};
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    events::{self, Event, FeedFilter},
};

use crate::{Caller, Result};

/// Up to `limit` events of the caller's area after the position `after_seq`, of the types
/// their role may see (and of `types` when given). What has committed since the relay last
/// ran is sequenced first, so readers are never behind.
pub async fn list_events(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    types: Option<Vec<String>>,
    after_seq: i64,
    limit: i64,
) -> Result<Vec<Event>> {
    let scope = caller.scope(Action::ReadEvents)?;
    events::sequence(tx).await?;
    let filter = FeedFilter {
        area_patterns: scope_patterns(&scope),
        type_prefixes: visible_event_prefixes(&caller.principal),
        types,
        after_seq,
        limit,
    };
    events::feed(tx, &filter).await
}
