//! The API keys of the caller's area.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    api_keys::{self, ApiKey},
    areas::scope_patterns,
};
use uuid::Uuid;

use crate::{Caller, Result};

/// Up to `limit` keys issued in the caller's scope, newest first, before the key `before`.
pub async fn list_api_keys(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    before: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ApiKey>> {
    let scope = caller.scope(Action::ManageApiKeys)?;
    api_keys::list(tx, &scope_patterns(&scope), limit, before).await
}
