//! One user, as staff who manage users see them.

use linli_domain::policy::Action;
use linli_persistence::{AsyncPgConnection, user_admin::UserRecord};
use uuid::Uuid;

use super::visible_user;
use crate::{Caller, Result};

/// The user `id`, when one of their grants lies in the caller's scope.
pub async fn find_user(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<UserRecord> {
    let scope = caller.scope(Action::ManageUsers)?;
    visible_user(tx, &scope, id).await
}
