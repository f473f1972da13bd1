//! Giving a user one more role.

use linli_domain::policy::Role;
use linli_persistence::{
    AsyncPgConnection,
    user_admin::{self, UserRecord},
};
use uuid::Uuid;

use super::{grantable_area, user_for_change};
use crate::{Caller, Result};

/// A role over an area for the user `user_id`, whose version the caller last read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddGrant {
    pub user_id: Uuid,
    pub role: Role,
    pub area_id: Uuid,
    pub version: i64,
}

/// Gives a user the role over the area (their older access tokens stop working).
pub async fn add_grant(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: AddGrant,
) -> Result<UserRecord> {
    let (scope, current) = user_for_change(tx, caller, cmd.user_id).await?;
    let area = grantable_area(
        tx,
        caller,
        &scope,
        (cmd.role, cmd.area_id),
        ("role", "area_id"),
    )
    .await?;
    user_admin::add_grant(tx, &caller.audit, &current, cmd.role, &area, cmd.version).await
}
