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

/// The signed-in caller's account and grants; API keys have none (`Forbidden`).
pub async fn me(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
) -> Result<(
    linli_domain::user::User,
    Vec<linli_persistence::users::GrantDetail>,
)> {
    let id = caller
        .person()
        .ok_or(linli_domain::DomainError::Forbidden)?;
    let found = linli_persistence::users::find(tx, id)
        .await?
        .ok_or(linli_domain::DomainError::NotFound("user"))?;
    let grants = linli_persistence::users::grants(tx, found.id).await?;
    Ok((found, grants))
}
