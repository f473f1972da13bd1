//! Seeing a user's phone unmasked, for a reason that is audited.

use linli_domain::{pii::check_unmask_reason, policy::Action};
use linli_persistence::{AsyncPgConnection, user_admin};
use uuid::Uuid;

use super::visible_user;
use crate::{Caller, Result};

/// The phone of the user `id` in full; the caller's reason is written to the audit log.
pub async fn unmask_user(
    tx: &mut AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    reason: &str,
) -> Result<Option<String>> {
    let scope = caller.scope(Action::ReadPersonalData)?;
    let reason = check_unmask_reason(reason)?;
    let record = visible_user(tx, &scope, id).await?;
    user_admin::record_unmask(tx, &caller.audit, &record, &["phone"], reason).await?;
    Ok(record.phone)
}
