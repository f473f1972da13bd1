//! Staff accounts: who may sign in, and the roles they hold over which areas.
//!
//! A user is seen by staff who manage users where one of the user's grants lies, and changed
//! only by staff who could have given every role the user holds (nobody edits, or locks out,
//! someone above them).

mod add_grant;
mod change_password;
mod create_user;
mod find_user;
mod list_users;
mod remove_grant;
mod unmask_user;
mod update_user;

pub use add_grant::{AddGrant, add_grant};
pub use change_password::change_password;
pub use create_user::{CreateUser, GrantRequest, create_user};
pub use find_user::{find_user, me};
pub use list_users::list_users;
pub use remove_grant::remove_grant;
pub use unmask_user::unmask_user;
pub use update_user::update_user;

use linli_domain::{
    DomainError,
    policy::{Action, Principal, Role, Scope, may_grant},
};
use linli_persistence::{
    AsyncPgConnection,
    areas::{self, Area},
    user_admin::{self, UserRecord},
};
use uuid::Uuid;

use crate::{Caller, Result, not_found_as_field};

/// The user `id` when one of their grants lies in `scope`; `NotFound` otherwise.
async fn visible_user(tx: &mut AsyncPgConnection, scope: &Scope, id: Uuid) -> Result<UserRecord> {
    match user_admin::find(tx, id).await? {
        Some(record) if user_admin::visible_in(&record, scope.roots()) => Ok(record),
        _ => Err(DomainError::NotFound("user").into()),
    }
}

/// `record`, when the caller could have given every role it holds; `Forbidden` otherwise.
fn manageable(principal: &Principal, record: UserRecord) -> Result<UserRecord> {
    let all = record
        .grants
        .iter()
        .all(|g| may_grant(principal, g.grant.role, &g.grant.area_path));
    if all {
        Ok(record)
    } else {
        Err(DomainError::Forbidden.into())
    }
}

/// The caller's scope for managing users, and the user `id` as they may change it: seen
/// (404 otherwise) and manageable (403).
async fn user_for_change(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<(Scope, UserRecord)> {
    let scope = caller.scope(Action::ManageUsers)?;
    let record = visible_user(tx, &scope, id).await?;
    Ok((scope, manageable(&caller.principal, record)?))
}

/// The area `area_id` of a grant the caller gives, in their scope (a field error at `field`
/// otherwise), once it is sure they may give `role` there (a field error at `role_field`).
async fn grantable_area(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    scope: &Scope,
    (role, area_id): (Role, Uuid),
    (role_field, area_field): (&str, &str),
) -> Result<Area> {
    let area = areas::find_in_scope(tx, area_id, scope)
        .await
        .map_err(|e| not_found_as_field(e, area_field, "区域不存在 / no such area"))?;
    if !may_grant(&caller.principal, role, &area.path) {
        return Err(DomainError::field(
            role_field,
            "您不能授予该角色 / you may not grant this role",
        )
        .into());
    }
    Ok(area)
}
