//! A signed-in person changing their own password.

use linli_domain::{DomainError, user::check_password};
use linli_persistence::{AsyncPgConnection, user_admin, users};

use crate::{
    Caller, Result,
    password::{self, Verdict},
};

/// Sets the caller's password to `new` once `current` proves it is them; every session and
/// access token they hold ends. API keys have no password (`Forbidden`).
pub async fn change_password(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    current: String,
    new: String,
) -> Result<()> {
    let user_id = caller.person().ok_or(DomainError::Forbidden)?;
    let found = users::find(tx, user_id)
        .await?
        .ok_or(DomainError::NotFound("user"))?;
    check_password(&found.username, &new).map_err(|e| match e {
        DomainError::Validation(mut errors) => {
            if let Some(messages) = errors.remove("password") {
                errors.insert("new_password".into(), messages);
            }
            DomainError::Validation(errors)
        }
        other => other,
    })?;
    let (_, stored) = users::find_credentials(tx, &found.username)
        .await?
        .ok_or(DomainError::NotFound("user"))?;
    if password::verify_off_thread(current, stored).await? == Verdict::Rejected {
        return Err(DomainError::field(
            "current_password",
            "当前密码不正确 / the current password is wrong",
        )
        .into());
    }
    let hash = password::hash_off_thread(new).await?;
    user_admin::set_password(tx, &caller.audit, user_id, &hash).await
}
