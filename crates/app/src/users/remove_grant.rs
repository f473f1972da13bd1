//! Taking a role away.

use linli_persistence::{
    AsyncPgConnection,
    user_admin::{self, UserRecord},
};
use uuid::Uuid;

use super::user_for_change;
use crate::{Caller, Result};

/// Takes the grant `grant_id` from the user `user_id` (at `version`); a user keeps at least
/// one. Their older access tokens stop working.
pub async fn remove_grant(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (user_id, grant_id): (Uuid, Uuid),
    version: i64,
) -> Result<UserRecord> {
    let (_, current) = user_for_change(tx, caller, user_id).await?;
    user_admin::remove_grant(tx, &caller.audit, &current, grant_id, version).await
}
