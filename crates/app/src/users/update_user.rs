//! Changing a user's name, phone or active flag.

use linli_domain::user::UserProfile;
use linli_persistence::{
    AsyncPgConnection,
    user_admin::{self, UserRecord},
};
use uuid::Uuid;

use super::user_for_change;
use crate::{Caller, Result};

/// Sets the profile of the user `id` (at `version`); deactivating ends their sessions.
pub async fn update_user(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    (id, version): (Uuid, i64),
    profile: UserProfile,
) -> Result<UserRecord> {
    let (_, current) = user_for_change(tx, caller, id).await?;
    linli_domain::error::validate(&profile)?;
    user_admin::update_profile(tx, &caller.audit, &current, &profile, version).await
}
