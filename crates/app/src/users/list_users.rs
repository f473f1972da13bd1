//! The users of the caller's area.

use linli_domain::policy::Action;
use linli_persistence::{
    AsyncPgConnection,
    areas::scope_patterns,
    user_admin::{self, UserRecord},
};

use crate::{Caller, Result};

/// Up to `limit` users holding a grant in the caller's scope, by username after `after`,
/// matching `search` (part of a username or name) when given.
pub async fn list_users(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    search: Option<&str>,
    after: Option<&str>,
    limit: i64,
) -> Result<Vec<UserRecord>> {
    let scope = caller.scope(Action::ManageUsers)?;
    let search = search.map(str::trim).filter(|q| !q.is_empty());
    user_admin::list(tx, &scope_patterns(&scope), search, after, limit).await
}
