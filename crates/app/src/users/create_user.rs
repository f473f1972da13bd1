//! Creating a user with their first grants.

use linli_domain::{
    DomainError, FieldErrors,
    policy::{Action, Role},
    user::{UserProfile, check_password, check_username},
};
use linli_persistence::{
    AsyncPgConnection,
    user_admin::{self, NewUser, UserRecord},
};
use uuid::Uuid;

use super::grantable_area;
use crate::{Caller, Result, password};

/// A role over an area, as asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantRequest {
    pub role: Role,
    pub area_id: Uuid,
}

/// A new account as staff describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub phone: Option<String>,
    pub grants: Vec<GrantRequest>,
}

/// Creates an active user holding `grants`, each a role the caller may give over an area of
/// their scope. Returns the stored user.
pub async fn create_user(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    cmd: CreateUser,
) -> Result<UserRecord> {
    // Authorise.
    let scope = caller.scope(Action::ManageUsers)?;
    // Validate.
    let profile = UserProfile {
        display_name: cmd.display_name,
        phone: cmd.phone,
        is_active: true,
    };
    let mut errors = FieldErrors::new();
    for check in [
        check_username(&cmd.username),
        check_password(&cmd.username, &cmd.password),
        linli_domain::error::validate(&profile),
    ] {
        if let Err(DomainError::Validation(e)) = check {
            errors.extend(e);
        }
    }
    if cmd.grants.is_empty() {
        errors.insert(
            "grants".into(),
            vec!["至少需要一个角色授权 / at least one grant is required".into()],
        );
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors).into());
    }
    // Load and decide: every grant's area, and whether the caller may give the role there.
    let mut grants = Vec::with_capacity(cmd.grants.len());
    for (i, g) in cmd.grants.iter().enumerate() {
        let fields = (format!("grants[{i}].role"), format!("grants[{i}].area_id"));
        let area = grantable_area(
            tx,
            caller,
            &scope,
            (g.role, g.area_id),
            (&fields.0, &fields.1),
        )
        .await?;
        grants.push((g.role, area));
    }
    // Store and audit.
    let new = NewUser {
        username: cmd.username,
        password_hash: password::hash_off_thread(cmd.password).await?,
        profile,
        grants,
    };
    user_admin::create(tx, &caller.audit, &new).await
}
